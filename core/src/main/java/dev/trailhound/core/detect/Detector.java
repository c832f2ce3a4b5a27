package dev.trailhound.core.detect;

import dev.trailhound.core.event.Event;
import java.util.List;

/**
 * Finds detections in events: a pure function of (state, event) to (state, detections).
 *
 * <p>State is per principal: the core keeps one {@code S} for every principal a detector has seen, and
 * hands the right one to {@link #detect}, which updates it in place and returns its detections. Detectors do
 * no I/O and read no clock (event time is the only time), so the same detector runs unchanged in
 * {@code scan}, in {@code serve} and in a partitioned stream processor that stores {@code S} by principal.
 *
 * @param <S> the detector's per-principal state; stateless detectors use {@link Void} and return null
 */
public interface Detector<S> {
    /** A short stable name, e.g. "rules" or "baselines". */
    String name();

    /** The state for a principal not seen before. */
    S newState();

    /**
     * Work on one event that needs no state, done where the event is decoded and possibly on several threads at
     * once, before the event reaches {@link #detect} (which must give the same answer whether or not it ran).
     * Must be thread-safe; results are kept on the event ({@link Event#prepared}).
     */
    default void prepare(Event event) {
    }

    /** Detections for {@code event}, updating {@code state} (the event's principal's) in place. */
    List<Detection> detect(S state, Event event);

    /**
     * True when {@code state} remembers nothing a later event could need, so the core may drop it (and with it,
     * perhaps, the whole principal). Stateless detectors and detectors that remember forever keep the default.
     */
    default boolean holdsNothing(S state) {
        return state == null;
    }

    /**
     * Event time has reached {@code watermarkMillis} for every principal: forget what can no longer matter
     * (e.g. correlation windows that have closed). Called as the core closes idle sessions.
     */
    default void expire(S state, long watermarkMillis) {
    }
}
