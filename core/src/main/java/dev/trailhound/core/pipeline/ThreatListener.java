package dev.trailhound.core.pipeline;

import dev.trailhound.core.session.Session;

/** Hears about threats as the pipeline finds, grows and closes them. Called on the pipeline's thread. */
public interface ThreatListener {
    /** A session became a threat or its threat changed (new detections, or a merge). */
    default void changed(Session threat, Session mergedAway) {}

    /** A threat's session closed: it will not change any more. */
    void closed(Session threat);
}
