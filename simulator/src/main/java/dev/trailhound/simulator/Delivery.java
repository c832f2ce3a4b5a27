package dev.trailhound.simulator;

import java.util.SplittableRandom;

/**
 * When CloudTrail delivers a record: usually about five minutes after the call, sometimes 10-25 minutes, rarely
 * up to 45; now and then a record is delivered twice. Files cover five-minute delivery windows (or longer ones
 * when asked: {@link SimulationOptions#deliveryMinutes()}).
 */
final class Delivery {
    static final long MIN_DELAY = 60;
    private static final double DUPLICATE_PROBABILITY = 1.0 / 20_000;

    private Delivery() {
    }

    static long delaySeconds(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < 0.003) {
            return 1500 + rng.nextInt(1200);
        }
        if (u < 0.03) {
            return 600 + rng.nextInt(900);
        }
        return MIN_DELAY + rng.nextInt(420);
    }

    /** The number of the delivery window of {@code windowSeconds} that {@code deliveredAt} falls in. */
    static long window(long deliveredAt, long windowSeconds) {
        return Math.floorDiv(deliveredAt, windowSeconds);
    }

    static boolean duplicate(SplittableRandom rng) {
        return rng.nextDouble() < DUPLICATE_PROBABILITY;
    }
}
