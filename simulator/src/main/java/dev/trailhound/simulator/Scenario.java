package dev.trailhound.simulator;

import java.util.List;

/** A labelled scenario and the calls it adds to the trail. */
record Scenario(ScenarioLabel label, List<Placed> calls) {
    Scenario {
        calls = List.copyOf(calls);
    }
}
