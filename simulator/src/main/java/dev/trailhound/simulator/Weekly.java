package dev.trailhound.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One run a week (the Tuesday Terraform apply), at a scheduled hour: the run starts within a few minutes of it
 * (the scheduler's queue), so that week after week it begins at nearly the same time.
 */
record Weekly(int dayOfWeek, int hourUtc, int minutes, double picks) implements Routine {

    @Override
    public List<Visit> visits(long dayStart, int today, SplittableRandom rng) {
        if (today != dayOfWeek) {
            return List.of();
        }
        long start = dayStart + hourUtc * 3600L + rng.nextInt(5) * 60L;
        return List.of(new Visit(0, start, start + minutes * 60L, picks, null, false));
    }
}
