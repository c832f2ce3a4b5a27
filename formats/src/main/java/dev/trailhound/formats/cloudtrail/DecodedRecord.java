package dev.trailhound.formats.cloudtrail;

/** Scratch space for the top-level fields of one CloudTrail record while it is being decoded. */
final class DecodedRecord {
    final DecodedIdentity identity = new DecodedIdentity();
    String eventId;
    String eventTime;
    /** Logstash's {@code @timestamp}: the event time of records shipped through Logstash/Elastic without eventTime. */
    String shippedTimestamp;
    String eventSource;
    String eventName;
    String awsRegion;
    String sourceIp;
    String userAgent;
    String errorCode;
    String errorMessage;
    String eventType;
    String recipientAccountId;
    Boolean readOnly;
    boolean fromConsole;
    Boolean consoleMfaUsed;
    boolean hasIdentity;

    void clear() {
        identity.clear();
        shippedTimestamp = null;
        eventId = eventTime = eventSource = eventName = awsRegion = sourceIp = userAgent = null;
        errorCode = errorMessage = eventType = recipientAccountId = null;
        readOnly = null;
        consoleMfaUsed = null;
        fromConsole = false;
        hasIdentity = false;
    }

    /** Null when the record has what every CloudTrail record has; else what is missing. */
    String missingField() {
        if (eventTime == null && shippedTimestamp != null) {
            eventTime = shippedTimestamp;
        }
        if (eventTime == null) {
            return "eventTime";
        }
        if (eventName == null) {
            return "eventName";
        }
        if (eventSource == null) {
            return "eventSource";
        }
        return null;
    }
}
