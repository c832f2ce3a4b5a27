package dev.trailhound.store.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One CloudTrail record as the service keeps it: the fields the events page shows and the raw record.
 *
 * @param rawJson the record's original JSON, UTF-8 (stored as bytes: H2 writes text a character at a time, and the raw
 *                record is most of what ingest writes); not to be modified
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
        byte[] rawJson) {

    public EventRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    /** The raw record as text. */
    public String rawText() {
        return new String(rawJson, StandardCharsets.UTF_8);
    }
}
