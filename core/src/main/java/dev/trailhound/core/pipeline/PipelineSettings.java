package dev.trailhound.core.pipeline;

import dev.trailhound.core.session.SessionSettings;
import java.time.Duration;

/**
 * @param disorderTolerance how far out of event-time order input may arrive and still be processed in order
 * @param dedupWindow       how long (event time) an eventID is remembered to drop duplicates
 * @param dedupMaxIds       most eventIDs remembered at once
 * @param sessions          session and threat bounds
 */
public record PipelineSettings(Duration disorderTolerance, Duration dedupWindow, int dedupMaxIds, SessionSettings sessions) {
    public static PipelineSettings defaults() {
        return new PipelineSettings(Duration.ofMinutes(15), Duration.ofHours(2), 2_000_000, SessionSettings.defaults());
    }

    public PipelineSettings withDisorderTolerance(Duration tolerance) {
        return new PipelineSettings(tolerance, dedupWindow, dedupMaxIds, sessions);
    }
}
