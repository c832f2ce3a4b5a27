package dev.trailhound.app.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.trailhound.ingest.files.InputPlanner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The speed limit {@code scan} is measured against: the same files only decompressed and streamed through
 * the JSON parser (a token stream, counting the records), on all cores. Nothing else happens: the files are
 * listed as {@code scan} lists them but not planned (no peeking at their heads), and there are no events, no
 * ordering, no detection. Hidden from help: a benchmark instrument, not a product feature.
 */
@Command(name = "bench-parse-limit", hidden = true,
        description = "Benchmark instrument: gunzip + JSON token stream over the files, on N threads; prints records and seconds.")
public final class ParseLimitCommand implements Runnable {
    @Option(names = "--threads", description = "Threads (default: cores).")
    Integer threads;

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public void run() {
        long started = System.nanoTime();
        List<Path> files = new InputPlanner().dataFiles(paths);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger next = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        JsonFactory factory = new JsonFactory();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < n; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < files.size()) {
                        records.addAndGet(countRecords(factory, files.get(i)));
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("parse limit run failed", e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "RESULT files=%d records=%d seconds=%.3f threads=%d%n", files.size(), records.get(), seconds, n);
    }

    /** Records = objects at depth 2 (inside the Records array) or top-level objects (JSON Lines). */
    private static long countRecords(JsonFactory factory, Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            long count = 0;
            int depth = 0;
            boolean recordsArray = false;
            try (JsonParser p = factory.createParser(in)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                        if (t == JsonToken.START_OBJECT && (depth == 1 && !recordsArray || depth == 3 && recordsArray)) {
                            count++;
                        }
                        if (depth == 2 && t == JsonToken.START_ARRAY && "Records".equals(p.currentName())) {
                            recordsArray = true;
                            count--; // the enclosing delivery object is not a record
                        }
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                    }
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
