package dev.trailhound.store.threat;

import java.util.Locale;

/** Triage state of a threat: open until someone suppresses it (accepts the risk). */
public enum ThreatStatus {
    OPEN, SUPPRESSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ThreatStatus ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
