package dev.trailhound.core.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one identity did with one kind of value (actions, networks, user-agent families...): for each value, how
 * often and when first and last. Bounded: past its capacity the value unused the longest is forgotten (and
 * would count as new again), so an identity that touches thousands of values costs no more than the cap.
 */
final class ValueHistory {
    /** Per value: calls, first and last event time. About 80 bytes with its map entry and key reference. */
    static final class Seen {
        long count;
        long first;
        long last;

        Seen(long first) {
            this.first = first;
            this.last = first;
        }

        Seen(long count, long first, long last) {
            this.count = count;
            this.first = first;
            this.last = last;
        }

        long count() {
            return count;
        }

        long first() {
            return first;
        }

        long last() {
            return last;
        }
    }

    private final int capacity;
    private final LinkedHashMap<String, Seen> values;

    ValueHistory(int capacity) {
        this.capacity = capacity;
        this.values = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > ValueHistory.this.capacity;
            }
        };
    }

    /**
     * What is remembered of {@code value}, or null when it is new (or forgotten). Not a use (the count stays), though
     * looking a value up keeps it from being forgotten next.
     */
    Seen get(String value) {
        return value == null ? null : values.get(value);
    }

    /** Records one use of {@code value} at {@code time}; returns true when the value was new. */
    boolean record(String value, long time) {
        if (value == null) {
            return false;
        }
        Seen seen = values.get(value);
        boolean fresh = seen == null;
        if (fresh) {
            seen = new Seen(time);
            values.put(value, seen);
        }
        seen.count++;
        seen.first = Math.min(seen.first, time);
        seen.last = Math.max(seen.last, time);
        return fresh;
    }

    /** Puts back a value as a snapshot had it (restoring in the snapshot's order keeps the eviction order). */
    void restore(String value, long count, long first, long last) {
        values.put(value, new Seen(count, first, last));
    }

    int size() {
        return values.size();
    }

    /** The most used value, or null. */
    String mostUsed() {
        String best = null;
        long most = -1;
        for (Map.Entry<String, Seen> e : values.entrySet()) {
            if (e.getValue().count > most) {
                most = e.getValue().count;
                best = e.getKey();
            }
        }
        return best;
    }

    Map<String, Seen> view() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Rough bytes held: entries, their counters and the map's table (keys are shared strings). */
    long estimatedBytes() {
        return 64 + (long) values.size() * 88;
    }
}
