package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * How one simulated attack scenario was detected.
 *
 * @param scenario    the scenario's id
 * @param title       what the attack does
 * @param tactics     the ATT&amp;CK v19 tactic ids of its label
 * @param outcome     {@code detected} (a detection names one of its key events), {@code off-key} (detections
 *                    name only its other events, e.g. the reconnaissance before the key calls) or {@code missed}
 * @param withTactic  a threat with a detection on a key event carries one of the label's tactics
 * @param keyRules    "ruleId title" of the rules whose detections name a key event
 * @param offKeyRules "ruleId title" of the rules whose detections name only its other events
 * @param threats     the threats whose detections name its events
 * @param signal      {@code rules} or {@code behaviour}: an attack that no rule sees, only a baseline
 */
public record SimulatedAttack(String scenario, String title, List<String> tactics, String outcome, boolean withTactic,
        List<String> keyRules, List<String> offKeyRules, List<ThreatBrief> threats, String signal) {
    public SimulatedAttack {
        tactics = List.copyOf(tactics);
        keyRules = List.copyOf(keyRules);
        offKeyRules = List.copyOf(offKeyRules);
        threats = List.copyOf(threats);
    }

    public boolean detected() {
        return SimulationScoring.DETECTED.equals(outcome);
    }

    public boolean behavioural() {
        return SimulatedScenario.BEHAVIOUR.equals(signal);
    }
}
