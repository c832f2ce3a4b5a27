package dev.trailhound.core.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is normal across one account's identities, for peer-relative judgement: how many identities it has, and
 * for each value (a network, an action, a region, a user-agent family) how many of them have used it. A network
 * the whole company works from is no news for a new laptop; an action half the account calls is no news for one
 * more person. Bounded to {@value #MAX_VALUES} values (least recently used forgotten first).
 */
final class AccountBaseline {
    static final int MAX_VALUES = 8192;

    final String accountId;
    long firstSeen = Long.MAX_VALUE;
    int identities;
    private final Map<String, int[]> peers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > MAX_VALUES;
        }
    };

    AccountBaseline(String accountId) {
        this.accountId = accountId;
    }

    boolean learning(long now, long learningMillis) {
        return firstSeen == Long.MAX_VALUE || now - firstSeen < learningMillis;
    }

    /** How many identities of the account have used {@code value} of {@code kind}. */
    int users(String kind, String value) {
        int[] n = peers.get(kind + '\u0000' + value);
        return n == null ? 0 : n[0];
    }

    /** One more identity has used {@code value} of {@code kind} (called once per identity and value). */
    void adopted(String kind, String value) {
        peers.computeIfAbsent(kind + '\u0000' + value, k -> new int[1])[0]++;
    }

    /** Every value's user count, least recently used first (for snapshots). */
    Map<String, int[]> peerCounts() {
        return java.util.Collections.unmodifiableMap(peers);
    }

    void restorePeers(String key, int users) {
        peers.put(key, new int[] {users});
    }

    long estimatedBytes() {
        return 200 + (long) peers.size() * 120;
    }
}
