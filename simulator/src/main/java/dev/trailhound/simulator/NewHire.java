package dev.trailhound.simulator;

import java.util.List;

/**
 * A developer who joins half-way through the run: everything they do is new for them, none of it is an attack.
 * Their activity comes from their routine, so the label names the principal and the start, not event ids.
 */
final class NewHire {
    static final String NAME = "priya.sharma";

    private NewHire() {
    }

    static long joins(long start, int days) {
        return start + (days / 2) * Routine.DAY;
    }

    static Actor actor(Organization org, HabitBook book, long seed, long start, int days) {
        return People.newHire(org, book, seed, joins(start, days));
    }

    static Scenario scenario(ScenarioStage stage) {
        SsoUser user = (SsoUser) stage.cast().find("person/" + NAME).identity();
        List<String> arns = stage.organization().accounts().stream()
                .map(a -> user.role(a).sessionArn(user.email())).toList();
        long joined = joins(stage.start(), stage.days());
        ScenarioLabel label = new ScenarioLabel("new-hire-first-week", ScenarioLabel.BENIGN,
                "A new developer's first days", "priya.sharma joins on " + TimeFormat.iso(joined).substring(0, 10)
                + " and uses the CLI and console in dev, staging and prod for the first time.",
                List.of(), List.of(), List.of(), List.of(), arns, TimeFormat.iso(joined),
                TimeFormat.iso(stage.start() + stage.days() * Routine.DAY), List.of(), List.of(), ScenarioLabel.BEHAVIOUR);
        return new Scenario(label, List.of());
    }
}
