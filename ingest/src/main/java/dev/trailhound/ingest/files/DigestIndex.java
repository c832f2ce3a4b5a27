package dev.trailhound.ingest.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.trailhound.formats.cloudtrail.MemoryGunzip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The oldest event time of each log file, as CloudTrail's digest files state it. With log file validation on,
 * CloudTrail delivers an hourly digest per account and region that lists the log files delivered in the hour,
 * each with its {@code oldestEventTime}: the exact key {@link InputPlanner} needs, without opening the log file.
 * Log files no digest lists are keyed from their heads ({@link FileHead}).
 *
 * <p>Digests are hints: one that cannot be read, or an entry without a usable time, is ignored. Log files are
 * matched by file name, which CloudTrail makes unique (account, region, delivery time, random suffix).
 */
final class DigestIndex {
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Long> oldest = new ConcurrentHashMap<>();

    /** The oldest event time of the log file named {@code fileName}, or {@link Long#MIN_VALUE} if no digest lists it. */
    long oldestEventTime(String fileName) {
        Long millis = oldest.get(fileName);
        return millis != null ? millis : Long.MIN_VALUE;
    }

    /**
     * Adds the log files one digest lists. Thread-safe; {@code reader} is the calling thread's own.
     */
    void read(Path digest, Reader reader) {
        try {
            byte[] json = reader.contents(digest);
            try (JsonParser p = JSON.createParser(json, 0, reader.length())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (p.nextToken() == JsonToken.START_ARRAY && name.equals("logFiles")) {
                        logFiles(p);
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a digest is only a hint: the log files it lists are keyed from their heads instead
        }
    }

    private void logFiles(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String object = null;
            String time = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("s3Object")) {
                    object = p.getText();
                } else if (value == JsonToken.VALUE_STRING && name.equals("oldestEventTime")) {
                    time = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            long millis = time != null ? millis(time) : Long.MIN_VALUE;
            if (object != null && millis != Long.MIN_VALUE) {
                oldest.put(object.substring(object.lastIndexOf('/') + 1), millis);
            }
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} as CloudTrail writes it (others through java.time), or MIN_VALUE. */
    static long millis(String t) {
        try {
            if (t.length() == 20 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == 'T' && t.charAt(13) == ':'
                    && t.charAt(16) == ':' && t.charAt(19) == 'Z') {
                return LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2), digits(t, 11, 2), digits(t, 14, 2),
                        digits(t, 17, 2)).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeException | NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Reads one digest into memory (gzip or not), reusing its buffers: one per thread. */
    static final class Reader {
        /** Digests list an hour of log files: a few hundred KB at most. */
        private static final int MAX_DIGEST_BYTES = 16 << 20;

        private final MemoryGunzip gunzip = new MemoryGunzip();
        private byte[] json = new byte[1 << 16];
        private int length;

        /** The digest's JSON, in the first {@link #length()} bytes of the array returned. */
        byte[] contents(Path digest) throws IOException {
            byte[] raw;
            try (InputStream in = Files.newInputStream(digest)) {
                raw = in.readNBytes(MAX_DIGEST_BYTES);
            }
            InputStream data = MemoryGunzip.isGzip(raw, 0, raw.length) ? gunzip.open(raw, raw.length) : new ByteArrayInputStream(raw);
            length = 0;
            int n;
            while ((n = data.read(json, length, json.length - length)) > 0) {
                length += n;
                if (length == json.length) {
                    if (json.length >= MAX_DIGEST_BYTES) {
                        throw new IOException("digest larger than " + MAX_DIGEST_BYTES + " bytes");
                    }
                    json = Arrays.copyOf(json, json.length * 2);
                }
            }
            return json;
        }

        int length() {
            return length;
        }
    }
}
