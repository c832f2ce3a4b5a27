package dev.trailhound.formats.cloudtrail;

/**
 * Shares one String instance per distinct value of low-cardinality fields (service, action, region,
 * account, user agent...), so that events held in the ordering window do not each carry their own copy.
 * A direct-mapped cache: one slot per hash bucket, a new value replaces the old. Cheaper than a map (no
 * allocation per lookup) and bounded. Not thread-safe: one per reader.
 */
final class StringPool {
    private static final int SLOTS = 1 << 13;
    private final String[] slots = new String[SLOTS];

    String share(String value) {
        if (value == null) {
            return null;
        }
        int h = value.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = slots[i];
        if (cached != null && cached.equals(value)) {
            return cached;
        }
        slots[i] = value;
        return value;
    }
}
