package dev.trailhound.core.baseline;

import java.time.Duration;
import java.util.List;

/**
 * How anomaly detection judges. Everything has a default that works without configuration.
 *
 * @param learning           how long, in event time from an identity's (and its account's) first event, a baseline only
 *                           learns (default 7 days)
 * @param sessionThreshold   the anomaly score at which a session becomes a threat (default 1.5)
 * @param automation         identities never judged (ARNs, role or user names, {@code *} wildcards): the user's
 *                           automation whose changes are expected
 * @param intelligence       who operates addresses and where (AS, country, AWS's own ranges); empty by default
 */
public record BaselineSettings(Duration learning, double sessionThreshold, List<String> automation, IpIntelligence intelligence) {
    public static final Duration DEFAULT_LEARNING = Duration.ofDays(7);
    public static final double DEFAULT_THRESHOLD = 1.5;

    public BaselineSettings {
        if (learning.isNegative()) {
            throw new IllegalArgumentException("the learning period cannot be negative, got " + learning);
        }
        if (!(sessionThreshold > 0)) {
            throw new IllegalArgumentException("the session threshold must be positive, got " + sessionThreshold);
        }
        automation = List.copyOf(automation);
        intelligence = intelligence == null ? IpIntelligence.none() : intelligence;
    }

    public static BaselineSettings defaults() {
        return new BaselineSettings(DEFAULT_LEARNING, DEFAULT_THRESHOLD, List.of(), IpIntelligence.none());
    }

    public BaselineSettings withLearning(Duration learning) {
        return new BaselineSettings(learning, sessionThreshold, automation, intelligence);
    }

    public BaselineSettings withAutomation(List<String> automation) {
        return new BaselineSettings(learning, sessionThreshold, automation, intelligence);
    }

    public BaselineSettings withIntelligence(IpIntelligence intelligence) {
        return new BaselineSettings(learning, sessionThreshold, automation, intelligence);
    }
}
