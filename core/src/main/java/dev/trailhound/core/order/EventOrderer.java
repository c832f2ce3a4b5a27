package dev.trailhound.core.order;

import dev.trailhound.core.event.Event;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts events back into event-time order, tolerating a bounded disorder.
 *
 * <p>Events wait in a buffer until the newest event time seen is more than {@code tolerance} past them (the
 * watermark), then leave in (eventTime, eventId) order. An event that arrives after the watermark has passed
 * its time is beyond the tolerance: it is passed on at once, out of order, and counted as late. Nothing is
 * dropped. Memory holds the events of one tolerance window. Single-threaded; pure (no clock).
 */
public final class EventOrderer {
    private static final Comparator<Event> ORDER =
            Comparator.comparingLong(Event::eventTimeMillis).thenComparing(Event::eventId);

    private final long toleranceMillis;
    private final Consumer<Event> downstream;
    private final PriorityQueue<Event> buffer = new PriorityQueue<>(1024, ORDER);
    private long newestSeen = Long.MIN_VALUE;
    private long released = Long.MIN_VALUE;
    private long late;

    public EventOrderer(Duration tolerance, Consumer<Event> downstream) {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.toleranceMillis = tolerance.toMillis();
        this.downstream = downstream;
    }

    public void offer(Event event) {
        long t = event.eventTimeMillis();
        if (t < released) {
            late++;
            downstream.accept(event);
            return;
        }
        buffer.add(event);
        if (t > newestSeen) {
            newestSeen = t;
            releaseUpTo(newestSeen - toleranceMillis);
        }
    }

    /** Releases everything still buffered: end of input. */
    public void flush() {
        releaseUpTo(Long.MAX_VALUE);
    }

    /**
     * Releases buffered events up to {@code millis} even though later input could still precede them: used
     * by a live service so that an idle stream does not hold events back.
     */
    public void releaseUpTo(long millis) {
        Event head;
        while ((head = buffer.peek()) != null && head.eventTimeMillis() <= millis) {
            buffer.poll();
            released = Math.max(released, head.eventTimeMillis());
            downstream.accept(head);
        }
    }

    /** Event time up to which every event has been released: all later processing is at or after it. */
    public long watermark() {
        return released;
    }

    /** Events that arrived after their place in the order had passed. */
    public long lateEvents() {
        return late;
    }

    public int buffered() {
        return buffer.size();
    }
}
