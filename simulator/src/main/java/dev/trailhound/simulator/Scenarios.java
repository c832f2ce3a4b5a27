package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/** Every labelled scenario of a run: the attacks and the benign look-alikes, those for rules and those for baselines. */
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
        all.addAll(BehaviourAttacks.all(stage));
        all.addAll(BehaviourLookAlikes.all(stage));
        return all;
    }
}
