package dev.trailhound.web.events;

import dev.trailhound.core.event.Rejection;
import java.util.List;

/**
 * What one ingest request did.
 *
 * @param accepted   new events, stored and queued for detection
 * @param duplicate  events whose eventID was already stored
 * @param rejected   records that could not become events
 * @param rejections the first of those, with position and reason
 */
public record IngestCounts(long accepted, long duplicate, long rejected, List<Rejection> rejections) {
    public IngestCounts {
        rejections = List.copyOf(rejections);
    }
}
