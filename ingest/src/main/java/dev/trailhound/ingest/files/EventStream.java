package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.formats.cloudtrail.RecordSink;

/** A source of events in (mostly) time order, consumed one head event at a time by the merge. */
interface EventStream {
    /** Moves to the next event, delivering any rejections met on the way; false when exhausted. */
    boolean advance(RecordSink rejections);

    /** The current event; valid after {@link #advance} returned true. */
    Event head();

    default long headTime() {
        return head().eventTimeMillis();
    }
}
