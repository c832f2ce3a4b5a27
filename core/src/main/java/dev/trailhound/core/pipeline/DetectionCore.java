package dev.trailhound.core.pipeline;

import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.session.Assignment;
import dev.trailhound.core.session.PrincipalState;
import dev.trailhound.core.session.Session;
import dev.trailhound.core.session.SessionRules;
import dev.trailhound.core.session.Sessioniser;
import java.util.ArrayList;
import java.util.List;

/**
 * The detection core: a pure function of (principal state, event) to (principal state, detections,
 * session). It reads no clock and does no I/O; the caller keeps one {@link PrincipalState} per
 * {@link #principalKey(Event)} and feeds events in event-time order. The same object runs in {@code scan},
 * {@code serve} and a partitioned stream processor.
 */
public final class DetectionCore {
    private final List<Detector<?>> detectors;
    private final Sessioniser sessioniser;

    public DetectionCore(List<Detector<?>> detectors, Sessioniser sessioniser) {
        this.detectors = List.copyOf(detectors);
        this.sessioniser = sessioniser;
    }

    /** The key under which the event's principal state is kept. */
    public static String principalKey(Event event) {
        return SessionRules.principalKey(event);
    }

    /**
     * The stateless part of every detector's work on one event (and the event's principal key), for the reading
     * threads to do in parallel before the event is ordered and processed. Thread-safe. The event's whole JSON tree is let go afterwards (a partial
     * tree of the fields rules read is kept for the stateful part).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void prepare(Event event) {
        event.principalKey();
        for (Detector detector : detectors) {
            detector.prepare(event);
        }
        event.forgetText();
    }

    public PrincipalState newState(String principalKey) {
        return new PrincipalState(principalKey, detectors.size());
    }

    /** Processes one event of the principal whose state is given; the state is updated in place. */
    public Step process(PrincipalState state, Event event) {
        List<Detection> found = detect(state, event);
        Assignment assignment = sessioniser.assign(state, event);
        Session session = assignment.session();
        if (session != null && !found.isEmpty()) {
            session.detected(event, found, sessioniser.settings());
        }
        return new Step(found, session, assignment.mergedAway());
    }

    /**
     * Closes the principal's sessions that can no longer grow once all events up to {@code watermarkMillis}
     * have been processed, and returns them (threats among them are final).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Session> closeIdle(PrincipalState state, long watermarkMillis) {
        // With thousands of active principals, most have no session that can close yet; looking at them at every sweep
        // was a tenth of a scan. Their detectors' memory is trimmed as their events arrive, and expired here when a
        // session can close or none is open.
        if (state.hasOpenSessions() && !state.mayCloseAt(watermarkMillis)) {
            return List.of();
        }
        for (int i = 0; i < detectors.size(); i++) {
            Object s = state.detectorState(i);
            if (s != null) {
                Detector detector = detectors.get(i);
                detector.expire(s, watermarkMillis);
                if (detector.holdsNothing(s)) {
                    state.detectorState(i, null);
                }
            }
        }
        return state.closeIdle(watermarkMillis, sessioniser.settings());
    }

    /** Closes every session of the principal: end of input. */
    public List<Session> closeAll(PrincipalState state) {
        return state.closeAll();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Detection> detect(PrincipalState state, Event event) {
        if (detectors.isEmpty()) {
            return List.of();
        }
        List<Detection> found = null;
        for (int i = 0; i < detectors.size(); i++) {
            Detector detector = detectors.get(i);
            Object s = state.detectorState(i);
            if (s == null) {
                s = detector.newState();
                state.detectorState(i, s);
            }
            List<Detection> d = detector.detect(s, event);
            if (detector.holdsNothing(s)) {
                state.detectorState(i, null);   // lets the core drop principals nobody remembers anything about
            }
            if (!d.isEmpty()) {
                if (found == null) {
                    found = new ArrayList<>(d);
                } else {
                    found.addAll(d);
                }
            }
        }
        return found == null ? List.of() : found;
    }
}
