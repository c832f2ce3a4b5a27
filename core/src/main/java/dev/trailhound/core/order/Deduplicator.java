package dev.trailhound.core.order;

import java.time.Duration;
import java.util.Arrays;

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
    private final IdSet seen = new IdSet();
    // ids in arrival order with their times and hashes: a growable ring buffer, oldest at head
    private String[] ids = new String[1024];
    private long[] times = new long[1024];
    private int[] hashes = new int[1024];
    private int head;
    private int size;
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
        // Event time advances with every record, repeats included, so that an id repeated hours apart (with no
        // other records between) is forgotten in time and its later copy counts as new.
        if (eventTimeMillis > newest) {
            newest = eventTimeMillis;
            evict();
        }
        int hash = IdSet.hash(eventId);
        if (!seen.add(eventId, hash)) {
            return false;
        }
        if (size == ids.length) {
            grow();
        }
        int tail = (head + size) & (ids.length - 1); // the ring's length is a power of two
        ids[tail] = eventId;
        times[tail] = eventTimeMillis;
        hashes[tail] = hash;
        size++;
        if (eventTimeMillis > newest) {
            newest = eventTimeMillis;
        }
        evict();
        return true;
    }

    private void evict() {
        long cutoff = newest - windowMillis;
        while (size > 0 && (size > maxIds || times[head] < cutoff)) {
            seen.remove(ids[head], hashes[head]);
            ids[head] = null;
            head = (head + 1) & (ids.length - 1);
            size--;
        }
    }

    private void grow() {
        String[] newIds = new String[ids.length * 2];
        long[] newTimes = new long[ids.length * 2];
        int[] newHashes = new int[ids.length * 2];
        for (int i = 0; i < size; i++) {
            newIds[i] = ids[(head + i) & (ids.length - 1)];
            newTimes[i] = times[(head + i) & (ids.length - 1)];
            newHashes[i] = hashes[(head + i) & (ids.length - 1)];
        }
        ids = newIds;
        times = newTimes;
        hashes = newHashes;
        head = 0;
        Arrays.fill(newIds, size, newIds.length, null);
    }

    public int remembered() {
        return seen.size();
    }
}
