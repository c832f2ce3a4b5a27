package dev.trailhound.store.threat;

import java.util.List;
import java.util.Optional;

/**
 * Orders of the threat list. Each is a keyset (its columns end with the unique threat id), so a cursor is
 * the last row's key and pages never skip or repeat a threat while new ones arrive.
 */
public enum ThreatSort {
    NEWEST("-detectionTime", true, List.of("detection_ms", "threat_id")),
    OLDEST("detectionTime", false, List.of("detection_ms", "threat_id")),
    MOST_SEVERE("-severity", true, List.of("severity_rank", "detection_ms", "threat_id")),
    LEAST_SEVERE("severity", false, List.of("severity_rank", "detection_ms", "threat_id"));

    private final String parameter;
    private final boolean descending;
    private final List<String> columns;

    ThreatSort(String parameter, boolean descending, List<String> columns) {
        this.parameter = parameter;
        this.descending = descending;
        this.columns = columns;
    }

    /** The API's {@code sort} value. */
    public String parameter() {
        return parameter;
    }

    boolean descending() {
        return descending;
    }

    List<String> columns() {
        return columns;
    }

    public static Optional<ThreatSort> parse(String parameter) {
        for (ThreatSort s : values()) {
            if (s.parameter.equals(parameter.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
