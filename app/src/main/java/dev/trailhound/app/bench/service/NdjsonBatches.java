package dev.trailhound.app.bench.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JSON Lines file cut into request bodies of {@code size} records each, in file order. */
final class NdjsonBatches {
    private final Path file;
    private final List<long[]> ranges = new ArrayList<>();
    private final long records;

    /** @param maxRecords at most this many records from the start of the file (0: all) */
    NdjsonBatches(Path file, int size, long maxRecords) throws IOException {
        this.file = file;
        long offset = 0;
        long start = 0;
        int inBatch = 0;
        long total = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            reading:
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    offset++;
                    if (buffer[i] == '\n') {
                        inBatch++;
                        total++;
                        if (inBatch == size) {
                            ranges.add(new long[] {start, offset - start, inBatch});
                            start = offset;
                            inBatch = 0;
                        }
                        if (maxRecords > 0 && total == maxRecords) {
                            break reading;
                        }
                    }
                }
            }
        }
        if (inBatch > 0) {
            ranges.add(new long[] {start, offset - start, inBatch});
        }
        this.records = total;
    }

    int count() {
        return ranges.size();
    }

    long records() {
        return records;
    }

    int recordsOf(int batch) {
        return (int) ranges.get(batch)[2];
    }

    /** The batch's bytes, read from the file (the page cache, after the first pass). */
    byte[] read(int batch, RandomAccessFile in) throws IOException {
        long[] range = ranges.get(batch);
        byte[] bytes = new byte[(int) range[1]];
        in.seek(range[0]);
        in.readFully(bytes);
        return bytes;
    }

    RandomAccessFile open() throws IOException {
        return new RandomAccessFile(file.toFile(), "r");
    }
}
