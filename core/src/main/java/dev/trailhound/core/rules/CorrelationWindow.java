package dev.trailhound.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recent matches of one correlation for one principal and group, kept in event-time order (a late event
 * is inserted in its place) and trimmed to the timespan. Bounded: beyond {@link #MAX_ENTRIES} the oldest
 * match is dropped, so a flood cannot grow memory.
 */
final class CorrelationWindow {
    static final int MAX_ENTRIES = 10_000;

    /**
     * One contribution: an event that matched some of the correlation's members (bit i = member i), or a chained
     * correlation that completed (its events), with the counted field's value.
     */
    record Entry(long timeMillis, List<String> eventIds, long rules, List<String> values) {
    }

    private final long spanMillis;
    private final ArrayList<Entry> entries = new ArrayList<>();
    /** Counts kept as entries come and go, so that a check costs nothing however full the window is. */
    private final HashMap<String, Integer> valueCounts = new HashMap<>();
    private final int[] memberCounts = new int[64];
    /** After it fires, the correlation stays quiet for one timespan: one detection per burst, not one per N events. */
    private long quietUntil = Long.MIN_VALUE;

    CorrelationWindow(long spanMillis) {
        this.spanMillis = spanMillis;
    }

    void add(Entry entry) {
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).timeMillis() > entry.timeMillis()) {
            at--;
        }
        entries.add(at, entry);
        counted(entry, 1);
        if (entries.size() > MAX_ENTRIES) {
            counted(entries.remove(0), -1);
        }
    }

    private void counted(Entry e, int delta) {
        for (String v : e.values()) {
            valueCounts.merge(v, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
        long bits = e.rules();
        while (bits != 0) {
            memberCounts[Long.numberOfTrailingZeros(bits)] += delta;
            bits &= bits - 1;
        }
    }

    /** Drops matches that can no longer share a timespan with a match at {@code latestMillis} or later. */
    void trim(long latestMillis) {
        long cutoff = latestMillis - spanMillis;
        int drop = 0;
        while (drop < entries.size() && entries.get(drop).timeMillis() < cutoff) {
            drop++;
        }
        if (drop > 0) {
            List<Entry> gone = entries.subList(0, drop);
            gone.forEach(e -> counted(e, -1));
            gone.clear();
        }
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    long latestMillis() {
        return entries.isEmpty() ? Long.MIN_VALUE : entries.get(entries.size() - 1).timeMillis();
    }

    long spanMillis() {
        return spanMillis;
    }

    int distinctValues() {
        return valueCounts.size();
    }

    /** How many of the correlation's members matched at least once. */
    int distinctRules() {
        int n = 0;
        for (int c : memberCounts) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether the members 0..n-1 matched in that order. CloudTrail times have one-second precision, so matches
     * in the same second count as simultaneous: within a second any order will do.
     */
    boolean inOrder(int n) {
        int next = 0;
        int i = 0;
        while (i < entries.size()) {
            int end = i;
            long seconds = entries.get(i).timeMillis() / 1000;
            while (end < entries.size() && entries.get(end).timeMillis() / 1000 == seconds) {
                end++;
            }
            boolean advanced = true;
            while (advanced && next < n) {
                advanced = false;
                for (int j = i; j < end; j++) {
                    if ((entries.get(j).rules() & (1L << next)) != 0) {
                        next++;
                        advanced = true;
                        break;
                    }
                }
            }
            if (next == n) {
                return true;
            }
            i = end;
        }
        return false;
    }

    List<String> eventIds() {
        List<String> ids = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (Entry e : entries) {
            for (String id : e.eventIds()) {
                if (seen.add(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Fired at {@code timeMillis}: starts counting afresh and stays quiet for one timespan. */
    void fired(long timeMillis) {
        entries.clear();
        valueCounts.clear();
        java.util.Arrays.fill(memberCounts, 0);
        quietUntil = timeMillis + spanMillis;
    }

    boolean quietAt(long timeMillis) {
        return timeMillis < quietUntil;
    }
}
