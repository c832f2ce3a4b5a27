package dev.trailhound.core.session;

import java.time.Duration;

/**
 * Bounds of sessions and of what a threat carries.
 *
 * @param activityGap           an activity session ends where its principal is idle for longer than this
 * @param credentialIdle        a temporary-key or console session is closed after this long without events
 *                              (STS credentials live at most 12 hours, 36 for GetSessionToken)
 * @param eventsBeforeDetection how many of a session's most recent events are kept before its first
 *                              detection, so the threat shows what led up to it
 * @param eventsPerThreat       most event ids attached to one threat; later ones are counted, not listed
 * @param detectionsPerThreat   most detections kept on one threat; later ones are counted
 * @param lateAllowance         how long a session stays open past its idle bound for events that arrive
 *                              late (CloudTrail delivers some 15-45 minutes late): they still join it
 */
public record SessionSettings(Duration activityGap, Duration credentialIdle, int eventsBeforeDetection,
        int eventsPerThreat, int detectionsPerThreat, Duration lateAllowance) {

    public SessionSettings {
        if (lateAllowance.isNegative()) {
            throw new IllegalArgumentException("late allowance must not be negative");
        }
        if (activityGap.isNegative() || activityGap.isZero() || credentialIdle.isNegative() || credentialIdle.isZero()) {
            throw new IllegalArgumentException("session durations must be positive");
        }
        if (eventsBeforeDetection < 0 || eventsPerThreat < 1 || detectionsPerThreat < 1) {
            throw new IllegalArgumentException("threat bounds must be positive");
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofMinutes(60), Duration.ofHours(12), 1_000, 10_000, 1_000, Duration.ofMinutes(60));
    }
}
