package dev.trailhound.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What to simulate.
 *
 * @param start              the first day (truncated to 00:00 UTC)
 * @param days               days of activity, at least 1
 * @param seed               the same seed gives the same files, byte for byte
 * @param targetEvents       approximate number of records to write; 0 for the organization's natural volume
 * @param organizationTrail  write {@code AWSLogs/<o-id>/<account>/...} (an organization trail) rather than
 *                           {@code AWSLogs/<account>/...}
 */
public record SimulationOptions(Instant start, int days, long seed, long targetEvents, boolean organizationTrail) {
    /** A Monday, so that a default week starts with a working day. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-02T00:00:00Z");

    public SimulationOptions {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (targetEvents < 0) {
            throw new IllegalArgumentException("targetEvents must not be negative, got " + targetEvents);
        }
        start = start.truncatedTo(ChronoUnit.DAYS);
    }

    public static SimulationOptions defaults() {
        return new SimulationOptions(DEFAULT_START, 7, 1, 0, true);
    }
}
