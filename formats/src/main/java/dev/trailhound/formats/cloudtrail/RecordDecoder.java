package dev.trailhound.formats.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.trailhound.core.event.Event;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Turns one JSON object (a CloudTrail record, or an EventBridge envelope holding one) into an
 * {@link Event}, in one pass over its tokens: no tree is built. The record's bytes are kept as they are.
 * Not thread-safe: one decoder per reading thread.
 */
final class RecordDecoder {
    /** EventBridge detail types that carry a CloudTrail record in {@code detail}. */
    static final Set<String> CLOUDTRAIL_DETAIL_TYPES = Set.of(
            "AWS API Call via CloudTrail",
            "AWS Console Sign In via CloudTrail",
            "AWS Service Event via CloudTrail",
            "AWS Console Action via CloudTrail",
            "AWS Insight via CloudTrail");

    /** The string fields of a record, numbered for {@link #setText}. */
    private static final int EVENT_ID = 0;
    private static final int EVENT_TIME = 1;
    private static final int TIMESTAMP = 2;
    private static final int EVENT_SOURCE = 3;
    private static final int EVENT_NAME = 4;
    private static final int AWS_REGION = 5;
    private static final int SOURCE_IP = 6;
    private static final int USER_AGENT = 7;
    private static final int ERROR_CODE = 8;
    private static final int ERROR_MESSAGE = 9;
    private static final int EVENT_TYPE = 10;
    private static final int RECIPIENT_ACCOUNT = 11;
    /** The fields whose values repeat from record to record, read through the string pool. */
    private static final boolean[] SHARED = {false, false, false, true, true, true, true, true, true, false, true, true};

    private final StringPool pool = new StringPool();
    private final EventTimeParser times = new EventTimeParser();
    private final IdentityDecoder identities = new IdentityDecoder(pool);
    private final DecodedRecord record = new DecodedRecord();
    private final DecodedRecord detail = new DecodedRecord();
    private final int maxRecordBytes;

    RecordDecoder(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Decodes the object whose START_OBJECT the parser is on, and leaves the parser on its END_OBJECT.
     *
     * @param buf  the bytes the parser reads
     * @param base the offset in {@code buf} of the parser's first byte (parser offsets are relative to it)
     * @return the event, or a rejection reason
     * @throws IOException when the JSON itself is malformed (the caller resynchronises)
     */
    Decoded decode(JsonParser p, byte[] buf, int base) throws IOException {
        int start = base + (int) p.currentTokenLocation().getByteOffset();
        record.clear();
        detail.clear();
        String detailType = null;
        boolean envelope = false;
        int detailStart = -1;
        int detailEnd = -1;
        String typeProblem = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            try {
                if (name.equals("detail-type")) {
                    envelope = true;
                    detailType = IdentityDecoder.text(p, v, "detail-type");
                } else if (name.equals("detail") && v == JsonToken.START_OBJECT) {
                    detailStart = base + (int) p.currentTokenLocation().getByteOffset();
                    String problem = fields(p, detail, "detail.");
                    if (problem != null && typeProblem == null) {
                        typeProblem = problem;
                    }
                    detailEnd = base + (int) p.currentLocation().getByteOffset();
                } else {
                    field(p, name, v, record, "");
                }
            } catch (FieldTypeException e) {
                if (typeProblem == null) {
                    typeProblem = e.getMessage();
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a field name or '}', found " + t);
        }
        int end = base + (int) p.currentLocation().getByteOffset();
        if (envelope) {
            if (detailType == null || !CLOUDTRAIL_DETAIL_TYPES.contains(detailType)) {
                return Decoded.invalid("EventBridge event with detail-type \"" + detailType
                        + "\" is not a CloudTrail event; forward only CloudTrail detail types");
            }
            if (detailStart < 0) {
                return Decoded.invalid("EventBridge envelope without a detail object");
            }
            return build(detail, buf, detailStart, detailEnd, typeProblem);
        }
        return build(record, buf, start, end, typeProblem);
    }

    private Decoded build(DecodedRecord r, byte[] buf, int from, int to, String typeProblem) {
        if (to - from > maxRecordBytes) {
            return Decoded.invalid("record of " + (to - from) + " bytes exceeds the limit of " + maxRecordBytes
                    + " bytes (raise max record size if such records are expected)");
        }
        if (typeProblem != null) {
            return Decoded.invalid(typeProblem);
        }
        String missing = r.missingField();
        if (missing != null) {
            return Decoded.invalid(r.eventName == null && r.eventTime == null && r.eventSource == null
                    ? "not a CloudTrail record: it has no eventTime, eventName or eventSource"
                    : "record without " + missing);
        }
        long millis = times.parseMillis(r.eventTime);
        if (millis == Long.MIN_VALUE) {
            return Decoded.invalid("field eventTime: \"" + r.eventTime + "\" is not an ISO-8601 timestamp");
        }
        byte[] json = Arrays.copyOfRange(buf, from, to);
        String eventId = r.eventId != null ? r.eventId : contentId(json);
        eventId.hashCode(); // computed (and cached in the string) here on a reader thread, not in de-duplication on the merge thread
        String account = r.recipientAccountId != null ? r.recipientAccountId : r.identity.accountId;
        return new Decoded.Ok(new Event(eventId, Instant.ofEpochMilli(millis), account, r.awsRegion, r.eventSource,
                r.eventName, r.eventType, r.readOnly, emptyIsNone(r.errorCode), r.errorMessage, r.sourceIp, r.userAgent,
                r.identity.toPrincipal(r.fromConsole, r.consoleMfaUsed, times), json));
    }

    /** An empty error code (exports and hand-made records write {@code ""}) means there was no error. */
    private static String emptyIsNone(String errorCode) {
        return errorCode == null || errorCode.isEmpty() ? null : errorCode;
    }

    /** Reads the fields of a record object; returns the first type problem, or null. */
    private String fields(JsonParser p, DecodedRecord r, String prefix) throws IOException {
        String problem = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            try {
                field(p, name, v, r, prefix);
            } catch (FieldTypeException e) {
                if (problem == null) {
                    problem = e.getMessage();
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a field name or '}', found " + t);
        }
        return problem;
    }

    private void field(JsonParser p, String name, JsonToken v, DecodedRecord r, String prefix)
            throws IOException, FieldTypeException {
        int text = textField(name);
        if (text >= 0) {
            // one call site for every string field, so the JIT inlines the parser's string reading once, and the
            // field's full name (prefix + name) is only built for an error message
            setText(r, text, SHARED[text] ? identities.shared(p, v, prefix, name) : IdentityDecoder.text(p, v, prefix, name));
            return;
        }
        switch (name) {
            case "readOnly" -> r.readOnly = IdentityDecoder.flag(p, v, prefix, name);
            case "sessionCredentialFromConsole" -> r.fromConsole = Boolean.TRUE.equals(IdentityDecoder.flag(p, v, prefix, name));
            case "userIdentity" -> identity(p, v, r, prefix);
            case "additionalEventData" -> additionalEventData(p, v, r);
            default -> p.skipChildren();
        }
    }

    /** The string fields decoded, by number; -1 for other fields. */
    private static int textField(String name) {
        return switch (name) {
            case "eventID" -> EVENT_ID;
            case "eventTime" -> EVENT_TIME;
            case "@timestamp" -> TIMESTAMP;
            case "eventSource" -> EVENT_SOURCE;
            case "eventName" -> EVENT_NAME;
            case "awsRegion" -> AWS_REGION;
            case "sourceIPAddress" -> SOURCE_IP;
            case "userAgent" -> USER_AGENT;
            case "errorCode" -> ERROR_CODE;
            case "errorMessage" -> ERROR_MESSAGE;
            case "eventType" -> EVENT_TYPE;
            case "recipientAccountId" -> RECIPIENT_ACCOUNT;
            default -> -1;
        };
    }

    private static void setText(DecodedRecord r, int field, String value) {
        switch (field) {
            case EVENT_ID -> r.eventId = value;
            case EVENT_TIME -> r.eventTime = value;
            case TIMESTAMP -> r.shippedTimestamp = value;
            case EVENT_SOURCE -> r.eventSource = value;
            case EVENT_NAME -> r.eventName = value;
            case AWS_REGION -> r.awsRegion = value;
            case SOURCE_IP -> r.sourceIp = value;
            case USER_AGENT -> r.userAgent = value;
            case ERROR_CODE -> r.errorCode = value;
            case ERROR_MESSAGE -> r.errorMessage = value;
            case EVENT_TYPE -> r.eventType = value;
            case RECIPIENT_ACCOUNT -> r.recipientAccountId = value;
            default -> throw new IllegalArgumentException("no string field " + field);
        }
    }

    private void identity(JsonParser p, JsonToken v, DecodedRecord r, String prefix) throws IOException, FieldTypeException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            if (v == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            throw new FieldTypeException(prefix + "userIdentity", "an object", IdentityDecoder.describe(v));
        }
        r.hasIdentity = true;
        identities.decode(p, r.identity);
    }

    /** ConsoleLogin records say in additionalEventData.MFAUsed whether the sign-in used MFA. */
    private void additionalEventData(JsonParser p, JsonToken v, DecodedRecord r) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("MFAUsed") && value == JsonToken.VALUE_STRING) {
                String used = p.getText();
                r.consoleMfaUsed = "Yes".equalsIgnoreCase(used) ? Boolean.TRUE
                        : "No".equalsIgnoreCase(used) ? Boolean.FALSE : null;
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "malformed additionalEventData");
        }
    }

    /**
     * Records without an eventID (hand-written test events, some exports) get one derived from their
     * content, so an identical copy is still recognised as a duplicate.
     */
    private static String contentId(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "content-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
