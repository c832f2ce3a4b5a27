package dev.trailhound.core.order;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Recognises records seen before by their eventID, within a bounded window so memory stays flat.
 *
 * <p>An id is remembered until the newest event time seen is more than {@code window} past the event's time,
 * and at most {@code maxIds} ids are kept (the oldest go first). A duplicate arriving later than that is
 * processed again. CloudTrail's duplicates are the same record delivered twice, minutes apart, so a window
 * of hours catches them. Single-threaded; pure.
 */
public final class Deduplicator {
    private final long windowMillis;
    private final int maxIds;
    private final Map<String, Long> seen = new HashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final ArrayDeque<Long> orderTimes = new ArrayDeque<>();
    private long newest = Long.MIN_VALUE;

    public Deduplicator(Duration window, int maxIds) {
        this.windowMillis = window.toMillis();
        this.maxIds = maxIds;
    }

    public static Deduplicator defaults() {
        return new Deduplicator(Duration.ofHours(2), 2_000_000);
    }

    /** True the first time an id is offered within the window; false for a duplicate. */
    public boolean firstSeen(String eventId, long eventTimeMillis) {
        if (seen.putIfAbsent(eventId, eventTimeMillis) != null) {
            return false;
        }
        order.addLast(eventId);
        orderTimes.addLast(eventTimeMillis);
        if (eventTimeMillis > newest) {
            newest = eventTimeMillis;
        }
        evict();
        return true;
    }

    private void evict() {
        long cutoff = newest - windowMillis;
        while (!order.isEmpty() && (order.size() > maxIds || orderTimes.peekFirst() < cutoff)) {
            seen.remove(order.pollFirst());
            orderTimes.pollFirst();
        }
    }

    public int remembered() {
        return seen.size();
    }
}
