package dev.trailhound.simulator;

import java.util.SplittableRandom;

/** Draws event counts: exact for small means, a rounded normal for large ones (only the total matters there). */
final class PoissonSampler {
    private PoissonSampler() {
    }

    static int sample(double mean, SplittableRandom rng) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = rng.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= rng.nextDouble();
                count++;
            }
            return count;
        }
        double gaussian = gaussian(rng);
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = Math.max(rng.nextDouble(), 1e-300);
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
