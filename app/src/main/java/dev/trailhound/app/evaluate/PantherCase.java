package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Panther rule test case, its event scanned alone.
 *
 * @param line            the case's line in {@code cases.jsonl}
 * @param ruleId          the Panther rule it tests
 * @param ruleName        that rule's display name
 * @param name            the case's name
 * @param expected        true for a positive case (the rule should fire), false for a negative one
 * @param mitre           the rule's ATT&amp;CK mapping as Panther writes it ("TA0005:T1562", v18)
 * @param acceptedTactics the v19 tactic ids that stand for the case's behaviour; empty when the rule has none
 * @param outcome         {@code pass}, {@code miss} (positive without a threat for the behaviour),
 *                        {@code false-threat} (negative with one), or {@code unreadable}
 * @param notes           what makes the case special: Panther flags, disabled upstream, thresholds, mocks
 * @param rejections      rejection reason to count, when the event was rejected
 * @param threats         every threat raised
 */
public record PantherCase(int line, String ruleId, String ruleName, String name, boolean expected, List<String> mitre,
        List<String> acceptedTactics, String outcome, List<String> notes, Map<String, Long> rejections, List<ThreatBrief> threats) {
    public PantherCase {
        mitre = List.copyOf(mitre);
        acceptedTactics = List.copyOf(acceptedTactics);
        notes = List.copyOf(notes);
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        threats = List.copyOf(threats);
    }
}
