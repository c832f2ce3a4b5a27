package dev.trailhound.formats.cloudtrail;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;

/** Receives what a CloudTrail reader finds, in source order: good events and rejected input. */
public interface RecordSink {
    void accept(Event event);

    void reject(Rejection rejection);
}
