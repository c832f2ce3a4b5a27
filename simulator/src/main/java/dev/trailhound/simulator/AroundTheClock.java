package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A workload that never sleeps: back-to-back visits of {@code periodMinutes} each, one per set of rotated
 * credentials (EC2 instance roles rotate about hourly), starting at a per-principal offset.
 */
record AroundTheClock(int periodMinutes, double picksPerVisit, int offsetMinutes) implements Routine {

    @Override
    public List<Visit> visits(long dayStart, int dayOfWeek, SplittableRandom rng) {
        long period = periodMinutes * 60L;
        List<Visit> visits = new ArrayList<>();
        long first = dayStart + Math.floorMod(offsetMinutes * 60L, period) - period;
        int index = 0;
        for (long start = first; start < dayStart + DAY; start += period) {
            long from = Math.max(start, dayStart);
            long to = Math.min(start + period, dayStart + DAY);
            if (to - from < 60) {
                continue;
            }
            double share = (double) (to - from) / period;
            visits.add(new Visit(index++, from, to, picksPerVisit * share, null, false));
        }
        return visits;
    }

    /** The credential period that a visit starting at {@code start} belongs to (stable across day edges). */
    long periodStart(long start) {
        long period = periodMinutes * 60L;
        long offset = Math.floorMod(offsetMinutes * 60L, period);
        return Math.floorDiv(start - offset, period) * period + offset;
    }
}
