package dev.trailhound.core.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One identity's habits, learned online in event-time order, and its open sessions' anomaly tallies. Bounded:
 * every history has a cap (least recently used values are forgotten first) and at most
 * {@value #MAX_SESSIONS} sessions are tallied (those idle for 12 hours are dropped), so a usual identity costs a few
 * KB ({@link #estimatedBytes}).
 */
final class SubjectBaseline {
    static final int MAX_SESSIONS = 64;

    final String key;
    final String name;
    final String accountId;
    final boolean workload;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    long events;
    long failures;
    /** The longest silence between two of its calls so far. */
    long longestGap;
    final ValueHistory actions = new ValueHistory(256);
    final ValueHistory services = new ValueHistory(64);
    final ValueHistory regions = new ValueHistory(32);
    final ValueHistory networks = new ValueHistory(64);
    final ValueHistory operators = new ValueHistory(32);
    final ValueHistory countries = new ValueHistory(16);
    final ValueHistory agents = new ValueHistory(AgentFamily.values().length);
    final ValueHistory targets = new ValueHistory(32);
    /** The values it has been counted as using in its account's peer counts. */
    final AdoptedValues adopted = new AdoptedValues();
    /** The IAM users and roles it has changed (other than itself). */
    final ValueHistory actedOn = new ValueHistory(64);
    /** Calls per hour of the week (UTC, Monday 00:00 first) and per hour of the day. */
    final int[] hourOfWeek = new int[168];
    final int[] hourOfDay = new int[24];
    final Map<String, SessionTally> sessions = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SessionTally> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    SubjectBaseline(String key, String name, String accountId, boolean workload) {
        this.key = key;
        this.name = name;
        this.accountId = accountId;
        this.workload = workload;
    }

    boolean learning(long now, long learningMillis) {
        return firstSeen == Long.MAX_VALUE || now - firstSeen < learningMillis;
    }

    /** Whole days of event time the baseline covers at {@code now}. */
    long days(long now) {
        return firstSeen == Long.MAX_VALUE ? 0 : Math.max(0, (now - firstSeen) / 86_400_000L);
    }

    long estimatedBytes() {
        return 400 + actions.estimatedBytes() + services.estimatedBytes() + regions.estimatedBytes()
                + networks.estimatedBytes() + operators.estimatedBytes() + countries.estimatedBytes() + agents.estimatedBytes() + actedOn.estimatedBytes() + adopted.estimatedBytes() + targets.estimatedBytes()
                + sessions.values().stream().mapToLong(SessionTally::estimatedBytes).sum();
    }
}
