package dev.trailhound.simulator;

/**
 * One API in a principal's habits: how often it is chosen relative to the others, how many calls one use makes
 * (a console page load issues several), and how often it fails and why.
 */
record HabitEntry(Api api, double weight, int minRepeat, int maxRepeat, double denied, double throttled,
        double missing) {

    double meanRepeat() {
        return (minRepeat + maxRepeat) / 2.0;
    }
}
