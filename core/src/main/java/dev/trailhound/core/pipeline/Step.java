package dev.trailhound.core.pipeline;

import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.session.Session;
import java.util.List;

/**
 * What processing one event did.
 *
 * @param detections what the detectors found on it
 * @param session    the session it joined (null for AWS service events)
 * @param mergedAway a session that the event joined into {@code session}; if it was a threat, that threat
 *                   now lives on as {@code session}'s threat
 */
public record Step(List<Detection> detections, Session session, Session mergedAway) {
    public Step {
        detections = List.copyOf(detections);
    }

    /** The session is (now) a threat and this event changed it. */
    public boolean threatChanged() {
        return session != null && session.isThreat() && (!detections.isEmpty() || mergedAway != null);
    }
}
