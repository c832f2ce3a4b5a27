package dev.trailhound.store.event;

import java.util.Objects;

/**
 * One CloudTrail record as the service keeps it: the fields the events page shows and the raw record.
 *
 * @param raw the record's original JSON text
 */
public record EventRecord(
        String eventId,
        long eventMillis,
        String accountId,
        String eventSource,
        String eventName,
        String eventType,
        String region,
        String sourceIp,
        String raw) {

    public EventRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(raw, "raw");
    }
}
