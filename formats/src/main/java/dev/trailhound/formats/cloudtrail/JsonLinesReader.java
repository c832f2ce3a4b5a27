package dev.trailhound.formats.cloudtrail;

import dev.trailhound.core.event.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streams JSON Lines: one record (or envelope, or delivery object) per line, each line parsed on its own so a
 * bad line never affects the next. Memory is bounded by the longest accepted line.
 */
final class JsonLinesReader {
    private final DocumentParser parser;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private byte[] line = new byte[1 << 14];

    JsonLinesReader(DocumentParser parser, int maxLineBytes) {
        this.parser = parser;
        this.maxLineBytes = maxLineBytes;
    }

    void read(String source, InputStream in, RecordSink sink) {
        long lineNumber = 1;
        int length = 0;
        boolean oversized = false;
        try {
            int n;
            while ((n = in.read(chunk)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    if (!oversized) {
                        length = append(chunk, start, i - start, length);
                        oversized = length < 0;
                    }
                    finishLine(source, lineNumber++, length, oversized, sink);
                    length = 0;
                    oversized = false;
                    start = i + 1;
                }
                if (!oversized && start < n) {
                    length = append(chunk, start, n - start, length);
                    oversized = length < 0;
                }
            }
        } catch (IOException e) {
            sink.reject(new Rejection(source, "line " + lineNumber,
                    CloudTrailFileReader.describe(e) + "; lines after this point are lost"));
            return;
        }
        if (oversized || length > 0) {
            finishLine(source, lineNumber, length, oversized, sink);
        }
    }

    /** Appends to the line buffer; returns the new length, or -1 when the line outgrows the limit. */
    private int append(byte[] src, int from, int count, int length) {
        if (length + count > maxLineBytes) {
            return -1;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(src, from, line, length, count);
        return length + count;
    }

    private void finishLine(String source, long lineNumber, int length, boolean oversized, RecordSink sink) {
        if (oversized) {
            sink.reject(new Rejection(source, "line " + lineNumber,
                    "line longer than the limit of " + maxLineBytes + " bytes for one record; skipped"));
            return;
        }
        parser.parse(line, 0, length, new Where(source, lineNumber, 0), sink);
    }
}
