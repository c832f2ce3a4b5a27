package dev.trailhound.simulator;

import java.util.List;

/**
 * What a scenario is, for whoever measures detection: an attack (which should become a threat with these
 * tactics) or a benign look-alike (which should not), the Stratus Red Team techniques it reproduces, the
 * ATT&CK v19 techniques and tactics, where and by whom, and its events; {@code keyEventIds} are the calls a
 * detection should name. {@code signal} says what kind of detection it tests: {@code rules} (calls that a rule can
 * judge on their own or in a short sequence) or {@code behaviour} (calls that are ordinary in themselves and odd
 * only against what the principal usually does: attacks that only a baseline can see, and routine work that a
 * baseline must not mistake for one).
 */
record ScenarioLabel(
        String id,
        String kind,
        String title,
        String description,
        List<String> stratus,
        List<String> techniques,
        List<String> tactics,
        List<String> accountIds,
        List<String> principalArns,
        String start,
        String end,
        List<String> eventIds,
        List<String> keyEventIds,
        String signal) {

    static final String ATTACK = "attack";
    static final String BENIGN = "benign";
    static final String RULES = "rules";
    static final String BEHAVIOUR = "behaviour";

    ScenarioLabel {
        stratus = List.copyOf(stratus);
        techniques = List.copyOf(techniques);
        tactics = List.copyOf(tactics);
        accountIds = List.copyOf(accountIds);
        principalArns = List.copyOf(principalArns);
        eventIds = List.copyOf(eventIds);
        keyEventIds = List.copyOf(keyEventIds);
        if (!signal.equals(RULES) && !signal.equals(BEHAVIOUR)) {
            throw new IllegalArgumentException("signal must be " + RULES + " or " + BEHAVIOUR + ", got " + signal);
        }
    }

    /** The same label for a scenario that tests behavioural detection. */
    ScenarioLabel behavioural() {
        return new ScenarioLabel(id, kind, title, description, stratus, techniques, tactics, accountIds, principalArns,
                start, end, eventIds, keyEventIds, BEHAVIOUR);
    }
}
