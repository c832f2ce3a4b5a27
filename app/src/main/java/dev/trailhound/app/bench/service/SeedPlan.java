package dev.trailhound.app.bench.service;

import java.util.SplittableRandom;

/**
 * How much to seed: {@code threats} threats with {@code events} session events in all, of which {@code largeThreats}
 * hold {@code largeThreatEvents} each (to page through) and the rest about the same number each.
 */
record SeedPlan(int threats, long events, int largeThreats, int largeThreatEvents, int accounts, int people, int days, long seed) {
    SeedPlan {
        if (threats <= largeThreats || events < (long) largeThreats * largeThreatEvents + (threats - largeThreats)) {
            throw new IllegalArgumentException("too few threats or events for " + largeThreats + " large threats of "
                    + largeThreatEvents + " events");
        }
    }

    /** Events of the i-th threat: the first {@code largeThreats} are large; the others spread evenly around the average. */
    int eventsOf(int i, SplittableRandom random) {
        if (i < largeThreats) {
            return largeThreatEvents;
        }
        long average = (events - (long) largeThreats * largeThreatEvents) / (threats - largeThreats);
        long spread = Math.max(0, Math.min(average - 1, average * 3 / 4));
        return (int) (average - spread + random.nextLong(2 * spread + 1));
    }
}
