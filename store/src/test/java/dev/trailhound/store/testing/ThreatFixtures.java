package dev.trailhound.store.testing;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.store.event.EventRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Threats and events written here for store and API tests. */
public final class ThreatFixtures {
    public static final AttackCatalog ATTACK = AttackCatalog.v19();
    public static final long T0 = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli();

    private ThreatFixtures() {
    }

    /**
     * A threat with one detection per technique id given (each mapped to its first tactic), in account
     * {@code account}, by {@code user}, detected at {@code T0 + minutes}.
     */
    public static Threat threat(String id, String account, String user, Severity severity, int minutes, List<String> eventIds,
                                String... techniqueIds) {
        List<Tactic> tactics = new ArrayList<>();
        List<Technique> techniques = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        long at = T0 + minutes * 60_000L;
        for (String techniqueId : techniqueIds) {
            Technique technique = ATTACK.technique(techniqueId).orElseThrow();
            Tactic tactic = ATTACK.tacticsOf(technique).get(0);
            if (!tactics.contains(tactic)) {
                tactics.add(tactic);
            }
            techniques.add(technique);
            detections.add(new Detection(DetectionKind.RULE, "rule-" + techniqueId, "Rule for " + techniqueId, severity,
                    eventIds.get(0), at, List.of(eventIds.get(0)), List.of(tactic), List.of(technique),
                    "because " + user + " did " + techniqueId));
        }
        return new Threat(id, "session-" + id, account, user, "arn:aws:iam::" + account + ":user/" + user, "IAM", "user",
                user, severity, ATTACK.sortByKillChain(tactics), techniques, at, at - 60_000, at + 60_000, detections,
                eventIds, 0, List.of());
    }

    /** A minimal CloudTrail record with the given id and time. */
    public static EventRecord event(String id, long millis, String account, String eventName) {
        String raw = "{\"eventVersion\":\"1.08\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + Instant.ofEpochMilli(millis)
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"203.0.113.7\",\"recipientAccountId\":\"" + account + "\",\"eventType\":\"AwsApiCall\"}";
        return new EventRecord(id, millis, account, "iam.amazonaws.com", eventName, "AwsApiCall", "us-east-1", "203.0.113.7",
                raw.getBytes(StandardCharsets.UTF_8));
    }
}
