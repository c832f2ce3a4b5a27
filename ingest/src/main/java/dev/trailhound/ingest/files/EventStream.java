package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.formats.cloudtrail.RecordSink;

/** A source of events in (mostly) time order, consumed one head event at a time by the merge. */
interface EventStream {
    /** Moves to the next event, delivering any rejections met on the way; false when exhausted. */
    boolean advance(RecordSink rejections);

    /** The current event; valid after {@link #advance} returned true. */
    Event head();

    /** The current event's time, kept by the stream: the merge compares streams by it many times per event. */
    long headTime();

    /** Streams by head event in (eventTime, eventId) order. */
    static int compare(EventStream a, EventStream b) {
        int byTime = Long.compare(a.headTime(), b.headTime());
        return byTime != 0 ? byTime : a.head().eventId().compareTo(b.head().eventId());
    }
}
