package dev.trailhound.core.detect;

import java.util.Locale;

/** Where a detection came from: a rule (Sigma) or a baseline (anomaly). */
public enum DetectionKind {
    RULE, ANOMALY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
