package dev.trailhound.app.evaluate;

import java.util.Locale;

/**
 * One headline number of the evaluation, with the target the rules issue sets for it (if any).
 *
 * @param id     stable key, e.g. {@code stratus.detected}
 * @param label  what it counts, in words
 * @param value  the count
 * @param of     the denominator, or -1 when the figure is a plain count
 * @param target the target in words ({@code ">= 33"}, {@code ">= 90%"}, {@code "<= 5"}), or "" when none
 * @param met    whether the target is met; null when there is no target
 */
public record Figure(String id, String label, long value, long of, String target, Boolean met) {

    /** {@code value} of {@code of}, at least {@code min}. */
    static Figure atLeast(String id, String label, long value, long of, long min) {
        return new Figure(id, label, value, of, ">= " + min, value >= min);
    }

    /** {@code value} of {@code of}, a share of at least {@code minShare} (0..1). */
    static Figure share(String id, String label, long value, long of, double minShare) {
        boolean met = of > 0 && value >= Math.ceil(minShare * of - 1e-9);
        return new Figure(id, label, value, of, String.format(Locale.ROOT, ">= %.0f%%", minShare * 100), met);
    }

    /** A count of bad things, at most {@code max}. */
    static Figure atMost(String id, String label, long value, long max) {
        return new Figure(id, label, value, -1, "<= " + max, value <= max);
    }

    /** A number without a target. */
    static Figure info(String id, String label, long value, long of) {
        return new Figure(id, label, value, of, "", null);
    }

    /** "33 / 35 (94.3%)", or "3" for a plain count. */
    public String result() {
        if (of < 0) {
            return Long.toString(value);
        }
        if (of == 0) {
            return value + " / 0";
        }
        return String.format(Locale.ROOT, "%d / %d (%.1f%%)", value, of, 100.0 * value / of);
    }
}
