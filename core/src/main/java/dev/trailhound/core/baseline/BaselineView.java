package dev.trailhound.core.baseline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one identity's baseline holds, for people (the API's principal page): a copy, so it can leave the detector's
 * thread.
 *
 * @param key       the baseline's key (an ARN, or {@code person:<name>})
 * @param name      the user, the person or the role's name
 * @param accountId the identity's account
 * @param workload  a role used by software: judged on its own habits only
 * @param firstSeen its first event
 * @param lastSeen  its latest event
 * @param events    calls counted
 * @param failures  of them, refused (access denied and the like)
 * @param state     learning or judging, at the latest event time the detector has seen
 * @param habits    per dimension (actions, services, regions, networks, operators, countries, agents, targets,
 *                  actedOn): the values it uses most, most used first, and how many distinct values are remembered
 * @param hourOfDay calls per UTC hour of the day
 */
public record BaselineView(
        String key,
        String name,
        String accountId,
        boolean workload,
        Instant firstSeen,
        Instant lastSeen,
        long events,
        long failures,
        LearningState state,
        Map<String, Habit> habits,
        List<Integer> hourOfDay) {

    /** One dimension: how many distinct values are remembered, and the most used of them. */
    public record Habit(int distinct, List<Seen> top) {}

    /** One remembered value: how often, first and last. */
    public record Seen(String value, long count, Instant first, Instant last) {}

    static BaselineView of(SubjectBaseline b, LearningState state, int topValues) {
        Map<String, Habit> habits = new LinkedHashMap<>();
        habits.put("actions", habit(b.actions, topValues));
        habits.put("services", habit(b.services, topValues));
        habits.put("regions", habit(b.regions, topValues));
        habits.put("networks", habit(b.networks, topValues));
        habits.put("operators", habit(b.operators, topValues));
        habits.put("countries", habit(b.countries, topValues));
        habits.put("agents", habit(b.agents, topValues));
        habits.put("targets", habit(b.targets, topValues));
        habits.put("actedOn", habit(b.actedOn, topValues));
        List<Integer> hours = new ArrayList<>(24);
        for (int c : b.hourOfDay) {
            hours.add(c);
        }
        return new BaselineView(b.key, b.name, b.accountId, b.workload, Instant.ofEpochMilli(b.firstSeen),
                Instant.ofEpochMilli(b.lastSeen), b.events, b.failures, state, habits, hours);
    }

    private static Habit habit(ValueHistory history, int topValues) {
        List<Seen> all = new ArrayList<>();
        history.view().forEach((value, seen) -> all.add(new Seen(value, seen.count(), Instant.ofEpochMilli(seen.first()),
                Instant.ofEpochMilli(seen.last()))));
        all.sort(Comparator.comparingLong(Seen::count).reversed().thenComparing(Seen::value));
        return new Habit(all.size(), List.copyOf(all.subList(0, Math.min(topValues, all.size()))));
    }
}
