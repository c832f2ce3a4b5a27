package dev.trailhound.core.rules.match;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers a costly matcher's verdicts for short values. The fields such matchers test (user agents, source
 * addresses, ARNs) repeat heavily across events, so a regular expression runs once per distinct value instead
 * of once per event. Bounded: when full it starts over. Safe to share between threads.
 */
final class MatchMemo {
    private static final int MAX_ENTRIES = 8_192;
    private static final int MAX_VALUE_LENGTH = 512;

    private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();

    boolean test(String value, Predicate<String> matcher) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return matcher.test(value);
        }
        Boolean known = verdicts.get(value);
        if (known != null) {
            return known;
        }
        boolean verdict = matcher.test(value);
        if (verdicts.size() >= MAX_ENTRIES) {
            verdicts.clear();
        }
        verdicts.put(value, verdict);
        return verdict;
    }
}
