package dev.trailhound.core.event;

import java.util.Objects;

/**
 * Input that could not become an {@link Event}: a bad record, or a file that could not be read at all.
 * Expected bad input is a value, never an exception; the run goes on around it.
 *
 * @param source   where it came from: a file path, an object key, "http"...
 * @param position where in the source, in words a person can find: "line 12", "record 3 (byte 4096)",
 *                 "byte 81920", or "file" when the whole source is affected
 * @param reason   what is wrong and, where useful, what to do about it
 */
public record Rejection(String source, String position, String reason) {
    public Rejection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return source + ": " + position + ": " + reason;
    }
}
