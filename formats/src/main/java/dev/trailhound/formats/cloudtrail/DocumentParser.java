package dev.trailhound.formats.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.trailhound.core.event.Rejection;
import java.io.IOException;

/**
 * Finds the CloudTrail records in a buffer of JSON: an S3 delivery object {@code {"Records":[...]}}, an array
 * of records or EventBridge envelopes, or one or more top-level records/envelopes. Malformed JSON loses only
 * the value it is in: parsing resumes after it (see {@link JsonStructure}). Not thread-safe.
 */
final class DocumentParser {
    private final JsonFactory factory;
    private final RecordDecoder decoder;

    DocumentParser(int maxRecordBytes) {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Math.max(maxRecordBytes, 1 << 20)).build())
                .build();
        this.decoder = new RecordDecoder(maxRecordBytes);
    }

    /**
     * @param where names positions for messages: a file name, and for JSON Lines the line number
     */
    void parse(byte[] buf, int offset, int limit, Where where, RecordSink sink) {
        int pos = offset;
        while (true) {
            pos = JsonStructure.skipWhitespace(buf, pos, limit);
            if (pos >= limit) {
                return;
            }
            byte first = buf[pos];
            if (first == '{' && JsonStructure.startsWithRecordsField(buf, pos, limit)) {
                pos = recordsObject(buf, pos, limit, where, sink);
            } else if (first == '[') {
                pos = array(buf, pos, limit, where, sink);
            } else if (first == '{') {
                pos = single(buf, pos, limit, where, sink, -1);
            } else {
                sink.reject(new Rejection(where.source(), where.at(-1, pos),
                        "not JSON a CloudTrail reader understands (expected '{' or '['): skipped to the next line or value"));
                pos = nextLineOrValue(buf, pos, limit);
            }
            if (pos < 0) {
                return;
            }
        }
    }

    /** {"Records":[...]}: returns the offset after the object, or -1 when the input ended inside it. */
    private int recordsObject(byte[] buf, int pos, int limit, Where where, RecordSink sink) {
        int arrayStart = indexOf(buf, (byte) '[', pos, limit);
        if (arrayStart < 0) {
            sink.reject(new Rejection(where.source(), where.at(-1, pos), "\"Records\" is not followed by an array"));
            return -1;
        }
        int after = array(buf, arrayStart, limit, where, sink);
        if (after < 0) {
            return -1;
        }
        // the rest of the delivery object holds nothing we need: step over it
        int close = indexOf(buf, (byte) '}', after, limit);
        return close < 0 ? limit : close + 1;
    }

    /**
     * Elements of the array whose '[' is at {@code pos}; returns the offset after its ']', or -1 when
     * the input ended first. Fast path: one parser over the whole array. After malformed JSON, each remaining
     * element is found by structure and parsed on its own.
     */
    private int array(byte[] buf, int pos, int limit, Where where, RecordSink sink) {
        int index = 0;
        int resumeAt = pos + 1;
        boolean insideElement = false;
        try (JsonParser p = factory.createParser(buf, pos, limit - pos)) {
            p.nextToken(); // the '[' at pos
            while (true) {
                resumeAt = pos + (int) p.currentLocation().getByteOffset();
                insideElement = false;
                JsonToken t = p.nextToken();
                if (t == null) {
                    sink.reject(new Rejection(where.source(), where.at(index, resumeAt),
                            "truncated: the input ends inside the records array; records after this point are lost"));
                    return -1;
                }
                int elementStart = pos + (int) p.currentTokenLocation().getByteOffset();
                if (t == JsonToken.END_ARRAY) {
                    return elementStart + 1;
                }
                if (t == JsonToken.START_OBJECT) {
                    resumeAt = elementStart;
                    insideElement = true;
                    deliver(decoder.decode(p, buf, pos), where, index, elementStart, sink);
                } else {
                    p.skipChildren();
                    sink.reject(new Rejection(where.source(), where.at(index, elementStart),
                            "array element is " + IdentityDecoder.describe(t) + ", not a record object"));
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            return resumeArray(buf, resumeAt, limit, where, sink, index, insideElement, e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading from a byte array cannot fail with I/O", e);
        }
    }

    /**
     * After malformed JSON: when it was inside element {@code index} (starting at {@code from}), that element
     * is rejected; the remaining elements are then found by structure and parsed one by one.
     */
    private int resumeArray(byte[] buf, int from, int limit, Where where, RecordSink sink, int index,
            boolean insideElement, String why) {
        int pos = from;
        if (insideElement) {
            int end = JsonStructure.endOfValue(buf, pos, limit);
            if (end < 0) {
                sink.reject(new Rejection(where.source(), where.at(index, pos),
                        "truncated: the input ends inside this record (" + why + "); records after it are lost"));
                return -1;
            }
            sink.reject(new Rejection(where.source(), where.at(index, pos), "invalid JSON: " + why + "; record skipped"));
            index++;
            pos = end;
        }
        while (true) {
            pos = JsonStructure.skipWhitespace(buf, pos, limit);
            while (pos < limit && buf[pos] == ',') {
                pos = JsonStructure.skipWhitespace(buf, pos + 1, limit);
            }
            if (pos >= limit) {
                sink.reject(new Rejection(where.source(), where.at(index, pos),
                        "truncated: the input ends inside the records array"));
                return -1;
            }
            if (buf[pos] == ']') {
                return pos + 1;
            }
            if (buf[pos] != '{') {
                int next = nextSeparator(buf, pos, limit);
                sink.reject(new Rejection(where.source(), where.at(index, pos),
                        "invalid JSON between records (" + why + "); skipped to the next record"));
                if (next < 0) {
                    return -1;
                }
                pos = next;
                continue;
            }
            int elementEnd = JsonStructure.endOfValue(buf, pos, limit);
            if (elementEnd < 0) {
                sink.reject(new Rejection(where.source(), where.at(index, pos),
                        "truncated: the input ends inside this record; records after it are lost"));
                return -1;
            }
            single(buf, pos, elementEnd, where, sink, index);
            pos = elementEnd;
            index++;
        }
    }

    /** One object at {@code pos}; returns the offset after it, or -1 when the input ended inside it. */
    private int single(byte[] buf, int pos, int limit, Where where, RecordSink sink, int index) {
        try (JsonParser p = factory.createParser(buf, pos, limit - pos)) {
            p.nextToken();
            Decoded d = decoder.decode(p, buf, pos);
            deliver(d, where, index, pos, sink);
            return pos + (int) p.currentLocation().getByteOffset();
        } catch (JsonProcessingException e) {
            int end = JsonStructure.endOfValue(buf, pos, limit);
            if (end < 0) {
                sink.reject(new Rejection(where.source(), where.at(index, pos),
                        "truncated: the input ends inside this record (" + e.getOriginalMessage() + ")"));
                return nextLineOrValue(buf, pos, limit);
            }
            sink.reject(new Rejection(where.source(), where.at(index, pos),
                    "invalid JSON: " + e.getOriginalMessage() + "; record skipped"));
            return end;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a byte array cannot fail with I/O", e);
        }
    }

    private static void deliver(Decoded d, Where where, int index, int offset, RecordSink sink) {
        switch (d) {
            case Decoded.Ok ok -> sink.accept(ok.event());
            case Decoded.Invalid bad -> sink.reject(new Rejection(where.source(), where.at(index, offset), bad.reason()));
        }
    }

    private static int indexOf(byte[] buf, byte b, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** After garbage between records: the next ',', ']' or '{', or -1. */
    private static int nextSeparator(byte[] buf, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == ',' || buf[i] == ']' || buf[i] == '{') {
                return i;
            }
        }
        return -1;
    }

    private static int nextLineOrValue(byte[] buf, int from, int limit) {
        for (int i = from + 1; i < limit; i++) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
}
