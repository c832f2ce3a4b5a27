package dev.trailhound.app.bench.service;

import java.util.Arrays;

/** Response times of one scenario, in nanoseconds, and their percentiles (nearest rank). */
final class Latencies {
    private long[] nanos = new long[256];
    private int size;

    void add(long n) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = n;
    }

    int count() {
        return size;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds: the smallest time at least p% of requests took or beat. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }
}
