package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * One scenario of a simulation's {@code labels.json}: an attack (it should become a threat with its tactics)
 * or a benign look-alike (it should not).
 *
 * @param id            the scenario's id, e.g. {@code leaked-ci-key-admin-backdoor}
 * @param kind          {@code attack} or {@code benign}
 * @param title         what happens, in words
 * @param tactics       ATT&amp;CK v19 tactic ids the label names (empty for benign scenarios)
 * @param principalArns who acts in it
 * @param startMillis   its first call, epoch milliseconds
 * @param endMillis     its last call (or the end of the run), epoch milliseconds
 * @param eventIds      every event it adds to the trail (empty when it is a principal's routine, e.g. a new hire)
 * @param keyEventIds   the calls a detection should name
 */
public record SimulatedScenario(String id, String kind, String title, List<String> tactics, List<String> principalArns,
        long startMillis, long endMillis, List<String> eventIds, List<String> keyEventIds) {
    public static final String ATTACK = "attack";
    public static final String BENIGN = "benign";

    public SimulatedScenario {
        tactics = List.copyOf(tactics);
        principalArns = List.copyOf(principalArns);
        eventIds = List.copyOf(eventIds);
        keyEventIds = List.copyOf(keyEventIds);
    }

    boolean attack() {
        return ATTACK.equals(kind);
    }

    boolean benign() {
        return BENIGN.equals(kind);
    }
}
