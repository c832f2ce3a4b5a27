package dev.trailhound.core.threat;

import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.Severity;
import java.util.List;

/**
 * A session with at least one detection, as the console and integrations see it: an immutable snapshot.
 *
 * @param threatId         stable id, derived from the session id
 * @param sessionId        the session it is
 * @param accountId        the recipient account of the session's first event
 * @param user             who acted, for people: IAM user name, assumed-role session name, "root"
 * @param principalArn     the identity's ARN
 * @param assetType        service-level type of the main affected asset (EC2, IAM, S3...)
 * @param assetKind        its kind (instance, user, bucket...)
 * @param assetId          its id
 * @param severity         highest severity of its detections
 * @param tactics          union of the detections' tactics, kill-chain order
 * @param techniques       union of the detections' techniques
 * @param detectionMillis  event time of the earliest detection
 * @param firstEventMillis earliest event of the session
 * @param lastEventMillis  latest event of the session
 * @param detections       the detections, in the order they were found
 * @param eventIds         the attached events (bounded; see {@code eventsOmitted})
 * @param eventsOmitted    session events not listed in {@code eventIds}
 * @param mergedFrom       threat ids of later sessions that were joined into this one
 */
public record Threat(
        String threatId,
        String sessionId,
        String accountId,
        String user,
        String principalArn,
        String assetType,
        String assetKind,
        String assetId,
        Severity severity,
        List<Tactic> tactics,
        List<Technique> techniques,
        long detectionMillis,
        long firstEventMillis,
        long lastEventMillis,
        List<Detection> detections,
        List<String> eventIds,
        long eventsOmitted,
        List<String> mergedFrom) {

    public Threat {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        detections = List.copyOf(detections);
        eventIds = List.copyOf(eventIds);
        mergedFrom = List.copyOf(mergedFrom);
    }
}
