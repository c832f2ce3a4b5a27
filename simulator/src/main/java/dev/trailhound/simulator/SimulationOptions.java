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
 * @param deliveryMinutes    the delivery window: each account and region gets one log file per window that
 *                           has records (CloudTrail: about 5 minutes; longer windows give fewer, larger files)
 * @param digests            write hourly digest files too, as CloudTrail's log file validation does
 * @param visitShare         the share (0..1] of every principal's visits kept: below 1 for a sample smaller than
 *                           the organization's least activity; the scenarios are kept whole
 * @param identities         approximate number of distinct principals to write; 0 for the organization's own cast.
 *                           Above that cast, many more identities with small, stable habits of their own (instance
 *                           and function roles, service users with access keys, people) share the volume
 */
public record SimulationOptions(Instant start, int days, long seed, long targetEvents, boolean organizationTrail,
        int deliveryMinutes, boolean digests, double visitShare, int identities) {
    /** A Monday, so that a default week starts with a working day. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-02T00:00:00Z");

    /** CloudTrail's own delivery window. */
    public static final int DEFAULT_DELIVERY_MINUTES = 5;

    public SimulationOptions {
        if (!(visitShare > 0 && visitShare <= 1)) {
            throw new IllegalArgumentException("visitShare must be more than 0 and at most 1, got " + visitShare);
        }
        if (deliveryMinutes < 1 || deliveryMinutes > 24 * 60) {
            throw new IllegalArgumentException("deliveryMinutes must be 1 to 1440, got " + deliveryMinutes);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (targetEvents < 0) {
            throw new IllegalArgumentException("targetEvents must not be negative, got " + targetEvents);
        }
        if (identities < 0) {
            throw new IllegalArgumentException("identities must not be negative, got " + identities);
        }
        start = start.truncatedTo(ChronoUnit.DAYS);
    }

    /** Options for the organization's own cast of principals. */
    public SimulationOptions(Instant start, int days, long seed, long targetEvents, boolean organizationTrail,
            int deliveryMinutes, boolean digests, double visitShare) {
        this(start, days, seed, targetEvents, organizationTrail, deliveryMinutes, digests, visitShare, 0);
    }

    /** Options with CloudTrail's five-minute delivery window, digests, every visit and the organization's own cast. */
    public SimulationOptions(Instant start, int days, long seed, long targetEvents, boolean organizationTrail) {
        this(start, days, seed, targetEvents, organizationTrail, DEFAULT_DELIVERY_MINUTES, true, 1.0, 0);
    }

    public static SimulationOptions defaults() {
        return new SimulationOptions(DEFAULT_START, 7, 1, 0, true);
    }
}
