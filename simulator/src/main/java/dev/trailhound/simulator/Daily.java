package dev.trailhound.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** One run a day at about the same time (the nightly scanner, the morning plan), optionally weekdays only. */
record Daily(int hourUtc, int jitterMinutes, int minutes, double picks, boolean weekdaysOnly) implements Routine {

    @Override
    public List<Visit> visits(long dayStart, int dayOfWeek, SplittableRandom rng) {
        if (weekdaysOnly && Routine.weekend(dayOfWeek)) {
            return List.of();
        }
        long start = dayStart + hourUtc * 3600L + rng.nextInt(Math.max(1, jitterMinutes)) * 60L;
        return List.of(new Visit(0, start, start + minutes * 60L, picks, null, false));
    }
}
