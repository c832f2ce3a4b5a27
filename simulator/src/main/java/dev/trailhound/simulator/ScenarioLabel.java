package dev.trailhound.simulator;

import java.util.List;

/**
 * What a scenario is, for whoever measures detection: an attack (which should become a threat with these
 * tactics) or a benign look-alike (which should not), the Stratus Red Team techniques it reproduces, the
 * ATT&CK v19 techniques and tactics, where and by whom, and its events; {@code keyEventIds} are the calls a
 * detection should name.
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
        List<String> keyEventIds) {

    static final String ATTACK = "attack";
    static final String BENIGN = "benign";

    ScenarioLabel {
        stratus = List.copyOf(stratus);
        techniques = List.copyOf(techniques);
        tactics = List.copyOf(tactics);
        accountIds = List.copyOf(accountIds);
        principalArns = List.copyOf(principalArns);
        eventIds = List.copyOf(eventIds);
        keyEventIds = List.copyOf(keyEventIds);
    }
}
