package dev.trailhound.core.baseline;

import java.util.Arrays;

/**
 * Which values an identity has already been counted as using in its account's peer counts, so that a value its
 * capped history forgot and meets again is not counted twice. Kept as 32-bit hashes of (kind, value) in an
 * open-addressing table: about 4 bytes per value, bounded to {@value #MAX_VALUES} (past that, values are counted
 * without being remembered). Two values sharing a hash (about one pair in four billion) count as one.
 */
final class AdoptedValues {
    static final int MAX_VALUES = 4096;
    /** 0 marks an empty slot; a hash of 0 is stored as 1. */
    private int[] slots = new int[16];
    private int size;

    /** Records that the identity uses {@code value} of {@code kind}; true the first time. */
    boolean add(String kind, String value) {
        return addHash(hash(kind, value));
    }

    boolean addHash(int h) {
        if (size >= MAX_VALUES) {
            return true;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == h) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = h;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        size = 0;
        for (int h : old) {
            if (h != 0) {
                addHash(h);
            }
        }
    }

    private static int hash(String kind, String value) {
        int h = kind.hashCode() * 0x9E3779B1 ^ value.hashCode();
        return h == 0 ? 1 : h;
    }

    private static int mix(int h) {
        h *= 0x85EBCA6B;
        return h ^ (h >>> 15);
    }

    int size() {
        return size;
    }

    /** The remembered hashes in ascending order (a snapshot does not depend on the table's layout). */
    int[] hashes() {
        return Arrays.stream(slots).filter(h -> h != 0).sorted().toArray();
    }

    long estimatedBytes() {
        return 32 + slots.length * 4L;
    }
}
