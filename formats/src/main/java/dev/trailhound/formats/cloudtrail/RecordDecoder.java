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
        String account = r.recipientAccountId != null ? r.recipientAccountId : r.identity.accountId;
        return new Decoded.Ok(new Event(eventId, Instant.ofEpochMilli(millis), account, r.awsRegion, r.eventSource,
                r.eventName, r.eventType, r.readOnly, r.errorCode, r.errorMessage, r.sourceIp, r.userAgent,
                r.identity.toPrincipal(r.fromConsole, r.consoleMfaUsed, times), json));
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
        switch (name) {
            case "eventID" -> r.eventId = IdentityDecoder.text(p, v, prefix + "eventID");
            case "eventTime" -> r.eventTime = IdentityDecoder.text(p, v, prefix + "eventTime");
            case "@timestamp" -> r.shippedTimestamp = IdentityDecoder.text(p, v, prefix + "@timestamp");
            case "eventSource" -> r.eventSource = pool.share(IdentityDecoder.text(p, v, prefix + "eventSource"));
            case "eventName" -> r.eventName = pool.share(IdentityDecoder.text(p, v, prefix + "eventName"));
            case "awsRegion" -> r.awsRegion = pool.share(IdentityDecoder.text(p, v, prefix + "awsRegion"));
            case "sourceIPAddress" -> r.sourceIp = pool.share(IdentityDecoder.text(p, v, prefix + "sourceIPAddress"));
            case "userAgent" -> r.userAgent = IdentityDecoder.text(p, v, prefix + "userAgent");
            case "errorCode" -> r.errorCode = pool.share(IdentityDecoder.text(p, v, prefix + "errorCode"));
            case "errorMessage" -> r.errorMessage = IdentityDecoder.text(p, v, prefix + "errorMessage");
            case "eventType" -> r.eventType = pool.share(IdentityDecoder.text(p, v, prefix + "eventType"));
            case "recipientAccountId" -> r.recipientAccountId = pool.share(IdentityDecoder.text(p, v, prefix + "recipientAccountId"));
            case "readOnly" -> r.readOnly = IdentityDecoder.flag(p, v, prefix + "readOnly");
            case "sessionCredentialFromConsole" -> r.fromConsole = Boolean.TRUE.equals(IdentityDecoder.flag(p, v, prefix + "sessionCredentialFromConsole"));
            case "userIdentity" -> identity(p, v, r, prefix);
            case "additionalEventData" -> additionalEventData(p, v, r);
            default -> p.skipChildren();
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
