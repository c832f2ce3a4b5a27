package dev.trailhound.core.detect;

import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import java.util.List;
import java.util.Objects;

/**
 * One rule or baseline hit.
 *
 * @param kind            rule or anomaly
 * @param ruleId          the rule's (or baseline signal's) stable id
 * @param title           a one-line human title
 * @param severity        how urgent
 * @param eventId         the event that raised it (for a correlation: the event that completed it)
 * @param eventTimeMillis that event's time
 * @param eventIds        every contributing event (just {@code eventId} for single-event rules)
 * @param tactics         ATT&CK tactics, kill-chain order
 * @param techniques      ATT&CK techniques
 * @param explanation     why, in words and numbers; may be empty for plain rule matches
 */
public record Detection(
        DetectionKind kind,
        String ruleId,
        String title,
        Severity severity,
        String eventId,
        long eventTimeMillis,
        List<String> eventIds,
        List<Tactic> tactics,
        List<Technique> techniques,
        String explanation) {

    public Detection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(eventId, "eventId");
        eventIds = List.copyOf(eventIds);
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        explanation = explanation == null ? "" : explanation;
    }
}
