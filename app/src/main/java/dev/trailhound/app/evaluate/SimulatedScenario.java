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
 * @param signal        what it tests: {@code rules} (calls a rule can judge) or {@code behaviour} (calls that are odd
 *                      only against the principal's own habits: attacks no rule sees, routine a baseline must not flag)
 */
public record SimulatedScenario(String id, String kind, String title, List<String> tactics, List<String> principalArns,
        long startMillis, long endMillis, List<String> eventIds, List<String> keyEventIds, String signal) {
    public static final String ATTACK = "attack";
    public static final String BENIGN = "benign";
    public static final String RULES = "rules";
    public static final String BEHAVIOUR = "behaviour";

    public SimulatedScenario {
        tactics = List.copyOf(tactics);
        principalArns = List.copyOf(principalArns);
        eventIds = List.copyOf(eventIds);
        keyEventIds = List.copyOf(keyEventIds);
    }

    /** A scenario for rules (the signal of labels that do not say). */
    public SimulatedScenario(String id, String kind, String title, List<String> tactics, List<String> principalArns,
            long startMillis, long endMillis, List<String> eventIds, List<String> keyEventIds) {
        this(id, kind, title, tactics, principalArns, startMillis, endMillis, eventIds, keyEventIds, RULES);
    }

    boolean attack() {
        return ATTACK.equals(kind);
    }

    boolean benign() {
        return BENIGN.equals(kind);
    }

    boolean behavioural() {
        return BEHAVIOUR.equals(signal);
    }
}
