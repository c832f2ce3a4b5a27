package dev.trailhound.core.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One session's departures from its identity's baseline, added up (first-time reads count for at most
 * {@value #MAX_READ_SCORE} together): the session becomes a threat when the score reaches the threshold with a
 * departure in how or where it works (network, client, hour, region, target account, failures, volume) besides
 * another, or when it is twice the threshold on its own. Bounded: {@value #MAX_SIGNALS} signals are kept for the explanation.
 */
final class SessionTally {
    static final int MAX_SIGNALS = 40;

    final List<Signal> signals = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    final Set<String> kinds = new HashSet<>();
    final Map<String, Integer> actionCalls = new HashMap<>();
    double score;
    long calls;
    long failures;
    long firstSeen;
    long lastSeen;
    boolean raised;
    int detections;
    boolean errorsSignalled;
    /** Sensitive categories already named by a detection of this session. */
    final Set<ActionCategory> reported = java.util.EnumSet.noneOf(ActionCategory.class);

    /** At most this much of a session's score comes from first-time reads: people explore, and reading is cheap. */
    static final double MAX_READ_SCORE = 0.3;

    /** A departure in how or where a session works counts as such from this weight on (a region half the account uses does not). */
    static final double MIN_CONTEXT_SCORE = 0.3;

    double readScore;
    double contextScore;

    /** Adds a signal unless the session has shown the same one; returns true when it was new. */
    boolean add(Signal signal) {
        if (!seen.add(signal.identity())) {
            return false;
        }
        double weight = signal.weight();
        if (signal.kind().equals("action") && signal.category() != null && signal.category().reads()) {
            weight = Math.min(weight, Math.max(0, MAX_READ_SCORE - readScore));
            readScore += weight;
        }
        score += weight;
        if (!signal.kind().equals("action") && !signal.kind().equals("acted-on")) {
            contextScore += weight;
        }
        kinds.add(signal.kind());
        if (signals.size() < MAX_SIGNALS) {
            signals.add(signal);
        }
        return true;
    }

    /** True when the session departs in how or where it works, not only in what it calls. */
    boolean hasContext() {
        return contextScore >= MIN_CONTEXT_SCORE;
    }

    /** Rough bytes held: the empty collections, the calls counted per action, the signals kept. */
    long estimatedBytes() {
        return 320 + actionCalls.size() * 80L + signals.size() * 160L;
    }

    int calls(String action) {
        return actionCalls.merge(action, 1, Integer::sum);
    }
}
