package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory (outside the repository, deleted on close) for single records that must be scanned
 * alone: {@code scan} reads files, so each record is written as a one-line JSON Lines file. Simulated
 * organisations are written into one too.
 */
final class ScratchFiles implements AutoCloseable {
    private final Path dir;
    private int next;

    ScratchFiles() {
        try {
            dir = Files.createTempDirectory("trailhound-evaluate-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** The directory, for files written by others (a simulated organisation). */
    Path dir() {
        return dir;
    }

    /** Writes the record, exactly as parsed, as a one-line JSON Lines file. */
    Path write(JsonNode record) {
        Path file = dir.resolve("record-" + (next++) + ".jsonl");
        try {
            Files.write(file, (CorpusFiles.JSON.writeValueAsString(record) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Deletes a file written before (scans are done with it). */
    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
