package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * One labelled technique of the Invictus IR run that has its key calls in the capture.
 *
 * @param technique      the Stratus technique id
 * @param keyCalls       its key calls ("ec2:GetPasswordData"), distinct, in capture order
 * @param keyEventIds    the eventIDs of its key events
 * @param detected       a detection names one of those events ({@code eventId} or {@code eventIds})
 * @param detectingRules "ruleId title" of the rules whose detections name a key event
 * @param offKeyRules    "ruleId title" of rules that detected only other (non-key) detonation events of it
 */
public record InvictusTechnique(String technique, List<String> keyCalls, List<String> keyEventIds, boolean detected,
        List<String> detectingRules, List<String> offKeyRules) {
    public InvictusTechnique {
        keyCalls = List.copyOf(keyCalls);
        keyEventIds = List.copyOf(keyEventIds);
        detectingRules = List.copyOf(detectingRules);
        offKeyRules = List.copyOf(offKeyRules);
    }
}
