package dev.trailhound.core.detect;

import java.util.Locale;

/** How urgent a detection or threat is; ordered from least to most severe. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used in JSON, the API and Sigma's {@code level}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
