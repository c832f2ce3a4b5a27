package dev.trailhound.formats.cloudtrail;

import java.util.Arrays;

/**
 * Shares one String instance per distinct value of low-cardinality fields (service, action, region,
 * account, identity, user agent...), so that events held in the ordering window do not each carry their own
 * copy, and reading a value seen before creates no String at all.
 * A direct-mapped cache: one slot per hash bucket, a new value replaces the old. Cheaper than a map (no
 * allocation per lookup) and bounded. Not thread-safe: one per reader.
 */
final class StringPool {
    private static final int SLOTS = 1 << 15;
    /** The characters of each slot's value, compared with {@link Arrays#equals} (vectorised), and the value. */
    private final char[][] keys = new char[SLOTS][];
    private final String[] values = new String[SLOTS];

    /**
     * The shared String of {@code chars[offset, offset + length)}: a String is only created when the value is not
     * in the pool, so the usual case (a value seen before) allocates nothing.
     */
    String share(char[] chars, int offset, int length) {
        int i = slot(chars, offset, length);
        char[] key = keys[i];
        if (key != null && key.length == length && Arrays.equals(key, 0, length, chars, offset, offset + length)) {
            return values[i];
        }
        String value = new String(chars, offset, length);
        keys[i] = Arrays.copyOfRange(chars, offset, offset + length);
        values[i] = value;
        return value;
    }

    /**
     * A slot from the length and a sample of the characters: the first four, the last eight (where ids, session
     * names and versions differ) and four between. Hashing every character of every value (user agents, ARNs) costs
     * more than the pool saves; values that differ only elsewhere merely share a slot and take turns in it.
     */
    private static int slot(char[] c, int offset, int length) {
        int end = offset + length;
        int h = length;
        for (int k = offset, stop = Math.min(end, offset + 4); k < stop; k++) {
            h = 31 * h + c[k];
        }
        for (int k = Math.max(offset, end - 8); k < end; k++) {
            h = 31 * h + c[k];
        }
        int step = length / 5;
        for (int k = 1; k <= 4 && step > 0; k++) {
            h = 31 * h + c[offset + k * step];
        }
        h *= 0x9E3779B9;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
