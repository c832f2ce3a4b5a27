package dev.trailhound.app.evaluate;

import dev.trailhound.simulator.SimulationOptions;
import java.util.List;

/**
 * What {@code evaluate --simulate} asks for: one simulated organisation per seed, each scanned alone.
 *
 * @param seeds         the simulator's seeds, one organisation each (the same seed gives the same CloudTrail)
 * @param days          days of activity per organisation, at least 1
 * @param scale         approximate events per organisation, or 0 for the organisation's natural volume
 * @param readerThreads reader threads of each organisation's scan
 */
public record SimulationPlan(List<Long> seeds, int days, long scale, int readerThreads) {
    public SimulationPlan {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (scale < 0) {
            throw new IllegalArgumentException("scale must not be negative, got " + scale);
        }
        if (readerThreads < 1) {
            throw new IllegalArgumentException("readerThreads must be at least 1, got " + readerThreads);
        }
    }

    /** The simulator's options for one seed: the default start (a Monday), an organization trail's layout. */
    SimulationOptions options(long seed) {
        return new SimulationOptions(SimulationOptions.DEFAULT_START, days, seed, scale, true);
    }
}
