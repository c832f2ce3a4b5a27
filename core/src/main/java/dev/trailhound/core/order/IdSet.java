package dev.trailhound.core.order;

/**
 * The event ids {@link Deduplicator} remembers: a hash set with open addressing (linear probing, deletion by
 * backward shift), so that adding and forgetting an id, once per event, allocate nothing. The caller passes each
 * id's {@link #hash} and forgets an id by the very instance it added: forgetting then reads neither the string
 * nor its cached hash, which by then have usually left the processor's cache. Not thread-safe.
 */
final class IdSet {
    private String[] keys = new String[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int size;

    /** The hash {@link #add} and {@link #remove} take. */
    static int hash(String id) {
        return spread(id.hashCode());
    }

    /** Adds {@code id}, whose {@link #hash} is {@code h}; false if an equal id was already there. */
    boolean add(String id, int h) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                keys[i] = id;
                hashes[i] = h;
                size++;
                return true;
            }
            if (hashes[i] == h && k.equals(id)) {
                return false;
            }
        }
    }

    /** Removes {@code id}, the instance {@link #add} added, whose {@link #hash} is {@code h}, if present. */
    void remove(String id, int h) {
        int mask = keys.length - 1;
        int gap = h & mask;
        while (true) {
            String k = keys[gap];
            if (k == null) {
                return;
            }
            if (k == id) {
                break;
            }
            gap = (gap + 1) & mask;
        }
        // close the gap: move back each later entry of the run that may sit there (its home slot is not between
        // the gap and its own slot)
        for (int j = (gap + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                hashes[gap] = hashes[j];
                gap = j;
            }
        }
        keys[gap] = null;
        size--;
    }

    int size() {
        return size;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        keys = new String[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int o = 0; o < oldKeys.length; o++) {
            if (oldKeys[o] != null) {
                int i = oldHashes[o] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[o];
                hashes[i] = oldHashes[o];
            }
        }
    }

    /** Spreads the string hash so that its low bits, which pick the slot, depend on all of it. */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
