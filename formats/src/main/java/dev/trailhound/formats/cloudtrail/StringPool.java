package dev.trailhound.formats.cloudtrail;

/**
 * Shares one String instance per distinct value of low-cardinality fields (service, action, region,
 * account, identity, user agent...), so that events held in the ordering window do not each carry their own
 * copy, and reading a value seen before creates no String at all.
 * A direct-mapped cache: one slot per hash bucket, a new value replaces the old. Cheaper than a map (no
 * allocation per lookup) and bounded. Not thread-safe: one per reader.
 */
final class StringPool {
    private static final int SLOTS = 1 << 13;
    private final String[] slots = new String[SLOTS];

    /**
     * The shared String of {@code chars[offset, offset + length)}: a String is only created when the value is not
     * in the pool, so the usual case (a value seen before) allocates nothing.
     */
    String share(char[] chars, int offset, int length) {
        int h = 0;
        for (int k = offset; k < offset + length; k++) {
            h = 31 * h + chars[k]; // String.hashCode's definition, so that both share() find the same slot
        }
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = slots[i];
        if (cached != null && cached.length() == length && cached.hashCode() == h && sameChars(cached, chars, offset)) {
            return cached;
        }
        String value = new String(chars, offset, length);
        slots[i] = value;
        return value;
    }

    private static boolean sameChars(String s, char[] chars, int offset) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != chars[offset + k]) {
                return false;
            }
        }
        return true;
    }
}
