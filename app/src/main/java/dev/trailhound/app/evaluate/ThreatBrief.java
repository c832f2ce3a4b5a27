package dev.trailhound.app.evaluate;

import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.threat.Threat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A threat as the evaluation report lists it: enough for a rule author to find the rules involved.
 *
 * @param threatId          the threat's id
 * @param principal         the acting identity's ARN (or user name when there is no ARN)
 * @param tactics           ATT&amp;CK v19 tactic ids, kill-chain order
 * @param techniques        ATT&amp;CK v19 technique ids
 * @param rules             "ruleId title" of each distinct rule that fired, in order
 * @param detectionEventIds the events the detections name ({@code eventId} and {@code eventIds}), in order
 */
public record ThreatBrief(String threatId, String principal, List<String> tactics, List<String> techniques,
        List<String> rules, List<String> detectionEventIds) {
    public ThreatBrief {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        rules = List.copyOf(rules);
        detectionEventIds = List.copyOf(detectionEventIds);
    }

    static ThreatBrief of(Threat threat) {
        Set<String> rules = new LinkedHashSet<>();
        threat.detections().forEach(d -> rules.add(d.ruleId() + " " + d.title()));
        return new ThreatBrief(threat.threatId(), threat.principalArn() != null ? threat.principalArn() : threat.user(),
                threat.tactics().stream().map(Tactic::id).toList(), threat.techniques().stream().map(Technique::id).toList(),
                List.copyOf(rules), List.copyOf(detectionEventIds(threat)));
    }

    /** Every event a threat's detections name: the event that raised each, and every contributing event. */
    static Set<String> detectionEventIds(Threat threat) {
        Set<String> ids = new LinkedHashSet<>();
        for (Detection d : threat.detections()) {
            ids.add(d.eventId());
            ids.addAll(d.eventIds());
        }
        return ids;
    }
}
