package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One labelled technique of the Invictus IR run that has its key calls in the capture.
 *
 * @param technique      the Stratus technique id
 * @param keyCalls       its key calls ("ec2:GetPasswordData"), distinct, in capture order
 * @param keyEventIds    the eventIDs of its key events
 * @param keyOutcomes    how those calls ended: error code ("(succeeded)" for none) to count
 * @param detected       a detection names one of those events ({@code eventId} or {@code eventIds})
 * @param detectingRules "ruleId title" of the rules whose detections name a key event
 * @param offKeyRules    "ruleId title" of rules that detected only other (non-key) detonation events of it
 */
public record InvictusTechnique(String technique, List<String> keyCalls, List<String> keyEventIds, Map<String, Long> keyOutcomes, boolean detected,
        List<String> detectingRules, List<String> offKeyRules) {
    public InvictusTechnique {
        keyCalls = List.copyOf(keyCalls);
        keyEventIds = List.copyOf(keyEventIds);
        keyOutcomes = Collections.unmodifiableMap(new TreeMap<>(keyOutcomes));
        detectingRules = List.copyOf(detectingRules);
        offKeyRules = List.copyOf(offKeyRules);
    }
}
