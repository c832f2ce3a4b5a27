package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/** Every labelled scenario of a run: the attacks and the benign look-alikes. */
final class Scenarios {
    private Scenarios() {
    }

    static List<Scenario> all(ScenarioStage stage) {
        List<Scenario> all = new ArrayList<>();
        all.addAll(IdentityAttacks.all(stage));
        all.addAll(InfrastructureAttacks.all(stage));
        all.addAll(DataAttacks.all(stage));
        all.addAll(BenignLookAlikes.all(stage));
        all.add(NewHire.scenario(stage));
        return all;
    }
}
