package dev.trailhound.app.scan;

/** Which detection a scan runs. */
public enum DetectMode {
    /** Reading, ordering and sessionising only (benchmarks). */
    NONE,
    /** Detection rules, without anomaly baselines. */
    RULES,
    /** Rules and anomaly baselines. */
    ALL
}
