package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import java.util.List;

/**
 * Events and rejections read from one file, or from one stretch of a JSON Lines file; events sorted by time.
 *
 * @param last true for the final batch of its file
 */
record FileBatch(List<Event> events, List<Rejection> rejections, boolean last) {}
