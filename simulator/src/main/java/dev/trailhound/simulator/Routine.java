package dev.trailhound.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * When a principal is active on one day: the visits it makes, before they are placed in an account. A routine
 * is a pure function of the day and a random source keyed by (principal, day), so every output stream agrees
 * on it.
 */
sealed interface Routine permits OfficeHours, AroundTheClock, Daily, Weekly {
    long DAY = 86_400;

    /**
     * @param dayStart  epoch second of the day's 00:00 UTC
     * @param dayOfWeek 1 = Monday .. 7 = Sunday
     */
    List<Visit> visits(long dayStart, int dayOfWeek, SplittableRandom rng);

    static boolean weekend(int dayOfWeek) {
        return dayOfWeek >= 6;
    }
}
