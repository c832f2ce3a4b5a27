package dev.trailhound.core.order;

import dev.trailhound.core.event.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts events back into event-time order, tolerating a bounded disorder.
 *
 * <p>Events wait until the newest event time seen is more than {@code tolerance} past them (the watermark),
 * then leave in (eventTime, eventId) order. An event that arrives after a later event has already left is
 * beyond the tolerance: it is passed on at once, out of order, and counted as late. Nothing is dropped.
 * Memory holds the events of one tolerance window. Single-threaded; pure (no clock).
 *
 * <p>Input is usually nearly sorted (the readers merge files by time), so events that extend the sorted run
 * are appended to a queue in O(1); only the stragglers go through a heap.
 */
public final class EventOrderer {
    private final long toleranceMillis;
    private final Consumer<Event> downstream;
    private final ArrayDeque<Event> run = new ArrayDeque<>(1024);
    private final PriorityQueue<Event> stragglers = new PriorityQueue<>(256, EventOrderer::compare);
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

    static int compare(Event a, Event b) {
        int byTime = Long.compare(a.eventTimeMillis(), b.eventTimeMillis());
        return byTime != 0 ? byTime : a.eventId().compareTo(b.eventId());
    }

    public void offer(Event event) {
        long t = event.eventTimeMillis();
        if (t < released) {
            late++;
            downstream.accept(event);
            return;
        }
        Event tail = run.peekLast();
        if (tail == null || compare(tail, event) <= 0) {
            run.addLast(event);
        } else {
            stragglers.add(event);
        }
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
        while (true) {
            Event a = run.peekFirst();
            Event b = stragglers.peek();
            Event head;
            if (a == null && b == null) {
                return;
            } else if (b == null || a != null && compare(a, b) <= 0) {
                head = a;
                if (head.eventTimeMillis() > millis) {
                    return;
                }
                run.pollFirst();
            } else {
                head = b;
                if (head.eventTimeMillis() > millis) {
                    return;
                }
                stragglers.poll();
            }
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
        return run.size() + stragglers.size();
    }
}
