package dev.trailhound.formats.cloudtrail;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one String instance per distinct value of low-cardinality fields (service, action, region,
 * account, user agent...), so that events held in the ordering window do not each carry their own copy.
 * Bounded: when full it starts over, which only costs some sharing. Not thread-safe: one per reader.
 */
final class StringPool {
    private static final int MAX_ENTRIES = 16_384;
    private final Map<String, String> pool = new HashMap<>();

    String share(String value) {
        if (value == null) {
            return null;
        }
        String shared = pool.putIfAbsent(value, value);
        if (shared != null) {
            return shared;
        }
        if (pool.size() > MAX_ENTRIES) {
            pool.clear();
        }
        return value;
    }
}
