package dev.trailhound.ingest.files;

import dev.trailhound.formats.cloudtrail.MemoryGunzip;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The earliest {@code eventTime} in the first bytes of a file: the key by which {@link InputPlanner} orders
 * files. Every file is peeked before reading starts, so this is kept cheap: only the first
 * {@value #HEAD_BYTES} bytes of content are inflated, and they are searched without being parsed.
 *
 * <p>A CloudTrail object's records are not sorted, and a record delivered late can sit anywhere in it, so a record
 * past the head can be earlier than the key. It then reaches the pipeline out of order, which the ordering
 * buffer absorbs within its tolerance (beyond it, the record is counted late and still processed).
 *
 * <p>Reuses its buffers and inflater: one per thread.
 */
final class FileHead {
    /**
     * Content bytes searched: about ten CloudTrail records. Less misses more of the records CloudTrail delivers
     * late (they then reach the pipeline late); more costs inflation time for every file of the run.
     */
    static final int HEAD_BYTES = 16 * 1024;
    private static final String FIELD = "\"eventTime\"";
    /** {@code yyyy-MM-ddTHH:mm:ss}: the part of the timestamp compared. */
    private static final int STAMP = 19;

    private final MemoryGunzip gunzip = new MemoryGunzip();
    private final byte[] start = new byte[HEAD_BYTES];
    private final byte[] head = new byte[HEAD_BYTES];

    /** Epoch millis of the earliest eventTime at the head of the file, or {@link Long#MIN_VALUE}. */
    long earliestEventTime(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            // as many compressed bytes as content bytes are read: plenty, as JSON shrinks 4-10 times in gzip
            int length = raw.readNBytes(start, 0, start.length);
            return MemoryGunzip.isGzip(start, 0, length) ? earliestEventTime(head, inflateHead(length)) : earliestEventTime(start, length);
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE; // unreadable or odd: read it first, and let the reader report what is wrong
        }
    }

    /** Inflates what the compressed head holds into {@link #head}; a short or cut stream gives what it has. */
    private int inflateHead(int compressedLength) throws IOException {
        int length = 0;
        try {
            InputStream in = gunzip.open(start, compressedLength);
            int n;
            while (length < head.length && (n = in.read(head, length, head.length - length)) > 0) {
                length += n;
            }
        } catch (EOFException e) {
            // the compressed head ends inside the stream: expected for files longer than the head
        }
        return length;
    }

    /** Epoch millis of the earliest {@code "eventTime": "yyyy-MM-ddTHH:mm:ss...} in {@code bytes[0, length)}, or MIN_VALUE. */
    static long earliestEventTime(byte[] bytes, int length) {
        // one byte per char (never fails), so that String.indexOf's vectorised search finds the field names
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        int earliest = -1;
        int from = 0;
        int at;
        while ((at = text.indexOf(FIELD, from)) >= 0) {
            from = at + FIELD.length();
            int value = valueStart(bytes, from, length);
            if (value >= 0 && isStamp(bytes, value, length) && (earliest < 0 || compare(bytes, value, earliest) < 0)) {
                earliest = value;
            }
        }
        return earliest < 0 ? Long.MIN_VALUE : toMillis(bytes, earliest);
    }

    /** After the field name: whitespace, ':', whitespace, '"'; the offset after the quote, or -1. */
    private static int valueStart(byte[] b, int i, int end) {
        i = skipSpace(b, i, end);
        if (i >= end || b[i] != ':') {
            return -1;
        }
        i = skipSpace(b, i + 1, end);
        return i < end && b[i] == '"' ? i + 1 : -1;
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static boolean isStamp(byte[] b, int i, int end) {
        if (i + STAMP > end) {
            return false;
        }
        for (int k = 0; k < STAMP; k++) {
            byte c = b[i + k];
            boolean ok = switch (k) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Same-shaped timestamps compare as their bytes do. */
    private static int compare(byte[] b, int x, int y) {
        return java.util.Arrays.compare(b, x, x + STAMP, b, y, y + STAMP);
    }

    private static long toMillis(byte[] b, int i) {
        try {
            return LocalDateTime.of(digits(b, i, 4), digits(b, i + 5, 2), digits(b, i + 8, 2),
                    digits(b, i + 11, 2), digits(b, i + 14, 2), digits(b, i + 17, 2)).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }
}
