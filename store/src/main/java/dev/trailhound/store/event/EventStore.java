package dev.trailhound.store.event;

import java.util.List;

/** Every accepted event, once per eventID, and the events of each threat's session. */
public interface EventStore {
    /**
     * Stores the events whose eventID was never stored; the others are duplicates (also within the list).
     *
     * @return for each event, in order, whether it was new
     */
    boolean[] storeNew(List<EventRecord> events, long nowMillis);

    /**
     * A threat's session events in event-time order.
     *
     * @param cursor the previous page's {@link EventPage#nextCursor()}, or null
     * @throws IllegalArgumentException when the cursor is not one of this listing
     */
    EventPage sessionEvents(String threatId, int limit, String cursor);

    /**
     * Stored events in (event time, eventID) order, a page at a time: what a restart replays to rebuild detection state.
     *
     * @param afterMillis  event time of the previous page's last event (Long.MIN_VALUE for the first page)
     * @param afterId      its eventID ("" for the first page)
     */
    List<EventRecord> inEventTimeOrder(long afterMillis, String afterId, int limit);

    /**
     * Retention: deletes up to {@code limit} events received (stored) before {@code cutoffMillis} that are not a
     * threat's session events; returns how many. Call again until it answers less than {@code limit}. By arrival,
     * not event time, so that a backfill of old trails is kept as long as fresh input.
     */
    int deleteUnlinkedReceivedBefore(long cutoffMillis, int limit);

    /** Events stored in all. */
    long count();
}
