package dev.trailhound.formats.cloudtrail;

import dev.trailhound.core.event.Rejection;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one CloudTrail file: an S3 delivery object ({@code .json} / {@code .json.gz} holding
 * {@code {"Records":[...]}}), JSON Lines ({@code .jsonl}, {@code .jsonl.gz}, {@code .ndjson}), or JSON holding
 * EventBridge envelopes. Gzip is recognised by its magic bytes, whatever the name says.
 *
 * <p>Every problem becomes a {@link Rejection} with the file and position; everything valid around it is
 * still delivered. Not thread-safe: use one reader per thread (it reuses its buffers).
 */
public final class CloudTrailFileReader {
    /** Whole-document files up to this size are read into memory at once (larger ones are streamed). */
    private static final int WHOLE_FILE_BYTES = 16 << 20;

    private final ReadLimits limits;
    private final DocumentParser parser;
    private final MemoryGunzip gunzip = new MemoryGunzip();
    private byte[] document = new byte[1 << 20];
    private byte[] compressed = new byte[1 << 16];
    private int compressedLength;

    public CloudTrailFileReader(ReadLimits limits) {
        this.limits = limits;
        this.parser = new DocumentParser(limits.maxRecordBytes());
    }

    /** Reads {@code file}, sending events and rejections to {@code sink} in file order. */
    public void read(Path file, RecordSink sink) {
        String source = file.toString();
        boolean jsonLines = isJsonLines(file.getFileName().toString());
        try {
            if (!jsonLines && readWhole(file)) {
                // a whole-document file, usually a small S3 object: inflated from memory, with no per-file buffers
                InputStream data = MemoryGunzip.isGzip(compressed, 0, compressedLength)
                        ? new BoundedInputStream(gunzip.open(compressed, compressedLength), limits.maxDecompressedBytes())
                        : new ByteArrayInputStream(compressed, 0, compressedLength);
                readDocument(source, data, sink);
                return;
            }
            try (InputStream raw = Files.newInputStream(file)) {
                read(source, raw, jsonLines, sink);
            }
        } catch (IOException e) {
            sink.reject(new Rejection(source, "file", "unreadable: " + describe(e)));
        }
    }

    /**
     * Reads the whole file into {@link #compressed} when it is at most {@value #WHOLE_FILE_BYTES} bytes; false
     * (nothing read) for larger files, which are streamed.
     */
    private boolean readWhole(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size > WHOLE_FILE_BYTES) {
                return false;
            }
            if (compressed.length < size + 1) {
                compressed = new byte[(int) Math.max(size + 1, compressed.length * 2L)];
            } else if (compressed.length > 1 << 20 && size < compressed.length / 16) {
                compressed = new byte[(int) Math.max(size + 1, 1 << 16)]; // do not keep a rare big buffer for the whole run
            }
            // one byte more than the size, so that a file growing while it is read shows as a full buffer
            ByteBuffer into = ByteBuffer.wrap(compressed, 0, (int) size + 1);
            while (channel.read(into) >= 0) {
                if (!into.hasRemaining()) {
                    return false; // it grew while being read: stream it instead
                }
            }
            compressedLength = into.position();
            return true;
        }
    }

    /**
     * Reads one input stream named {@code source} (a file, an object key, a request body).
     *
     * @param jsonLines true to stream one record per line; false to read the input as one JSON document
     */
    public void read(String source, InputStream raw, boolean jsonLines, RecordSink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        boolean gzip = isGzip(in);
        InputStream data = gzip ? new BoundedInputStream(new GZIPInputStream(in, 1 << 16), limits.maxDecompressedBytes()) : in;
        if (jsonLines) {
            new JsonLinesReader(parser, limits.maxRecordBytes()).read(source, data, sink);
        } else {
            readDocument(source, data, sink);
        }
    }

    private void readDocument(String source, InputStream data, RecordSink sink) {
        int length = 0;
        String incomplete = null;
        try {
            while (true) {
                if (length == document.length) {
                    if (length >= limits.maxDocumentBytes()) {
                        incomplete = "larger than the limit of " + limits.maxDocumentBytes()
                                + " bytes for one JSON document; read what fits (convert big exports to JSON Lines)";
                        break;
                    }
                    document = Arrays.copyOf(document, (int) Math.min((long) document.length * 2, limits.maxDocumentBytes()));
                }
                int n = data.read(document, length, document.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
        } catch (EOFException e) {
            incomplete = "truncated compressed data after " + length + " bytes (" + describe(e) + ")";
        } catch (IOException e) {
            incomplete = "unreadable after " + length + " bytes (" + describe(e) + ")";
        }
        if (incomplete != null) {
            sink.reject(new Rejection(source, "byte " + length, incomplete));
        }
        parser.parse(document, 0, length, new Where(source, 0, 0), sink);
        if (document.length > 16 << 20) {
            document = new byte[1 << 20]; // do not keep a rare huge buffer for the rest of the run
        }
    }

    static boolean isJsonLines(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson")
                || name.endsWith(".ndjson.gz");
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof ZipException || e instanceof EOFException) {
            return "corrupt or truncated gzip: " + message;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message != null ? message : e.getClass().getSimpleName();
    }
}
