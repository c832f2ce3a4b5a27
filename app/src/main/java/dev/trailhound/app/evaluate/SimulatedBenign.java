package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * Whether one benign look-alike scenario raised a threat.
 *
 * @param scenario the scenario's id
 * @param title    what the legitimate work is
 * @param raised   some threat's detections name its events (for a scenario labelled by principal and time,
 *                 such as a new hire's first days: a threat of one of its principals with a detection in its span)
 * @param rules    "ruleId title" of the rules that fired on it
 * @param threats  those threats
 * @param signal   {@code rules} or {@code behaviour}: routine work that a baseline must not take for an attack
 */
public record SimulatedBenign(String scenario, String title, boolean raised, List<String> rules, List<ThreatBrief> threats,
        String signal) {
    public SimulatedBenign {
        rules = List.copyOf(rules);
        threats = List.copyOf(threats);
    }

    public boolean behavioural() {
        return SimulatedScenario.BEHAVIOUR.equals(signal);
    }
}
