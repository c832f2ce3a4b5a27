package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A principal's stable habits: which APIs it calls, in which regions. Global services always log in the home
 * region; everything else follows the principal's region weights. {@link #share} says what fraction of the
 * principal's calls land in a region, {@link #meanEvents} how many records one chosen habit produces on average
 * (repeats and companion events included) — both are needed to predict volume before generating it.
 */
final class HabitSet {
    private final List<WeightedChoice<HabitEntry>> byRegion;
    private final double[] share;
    private final double meanEvents;

    HabitSet(List<HabitEntry> entries, double[] regionWeights, ApiCatalogue catalogue) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a habit set needs at least one entry");
        }
        int regions = regionWeights.length;
        double regionTotal = 0;
        for (double w : regionWeights) {
            regionTotal += w;
        }
        double[][] weights = new double[regions][entries.size()];
        double total = 0;
        double eventsTotal = 0;
        for (int i = 0; i < entries.size(); i++) {
            HabitEntry entry = entries.get(i);
            for (int r = 0; r < regions; r++) {
                double regional = entry.api().global() ? (r == Organization.HOME_REGION ? 1 : 0)
                        : regionWeights[r] / regionTotal;
                weights[r][i] = entry.weight() * regional;
            }
            total += entry.weight();
            Api companion = catalogue.companionOf(entry.api());
            double perUse = entry.meanRepeat() * (1 + (companion == null ? 0 : entry.api().companionProbability()));
            eventsTotal += entry.weight() * perUse;
        }
        this.meanEvents = eventsTotal / total;
        this.share = new double[regions];
        this.byRegion = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            double sum = 0;
            for (double w : weights[r]) {
                sum += w;
            }
            share[r] = sum / total;
            byRegion.add(sum > 0 ? new WeightedChoice<>(entries, weights[r]) : null);
        }
    }

    double share(int region) {
        return share[region];
    }

    double meanEvents() {
        return meanEvents;
    }

    HabitEntry pick(int region, SplittableRandom rng) {
        return byRegion.get(region).pick(rng);
    }
}
