package dev.trailhound.app.bench.service;

import java.util.SplittableRandom;

/**
 * One kind of request the benchmark times: which endpoint group it belongs to (for its target), and how to make the
 * next request's path, perhaps after untimed requests that fetch a cursor.
 */
record QueryScenario(String group, String name, Step step) {
    /** The path (with query) of the next timed request; may make untimed requests first. */
    @FunctionalInterface
    interface Step {
        String next(BenchClient client, SplittableRandom random) throws Exception;
    }

    /** The group's p95 target in milliseconds (issue 5, "Speed"). */
    double targetMillis() {
        return group.equals("overview") ? 200 : 100;
    }
}
