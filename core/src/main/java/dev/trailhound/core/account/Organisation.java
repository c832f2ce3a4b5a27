package dev.trailhound.core.account;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation's own AWS accounts and their names. An account is the organisation's own when it is
 * named in configuration or has been seen as the recipient of an event; anything else (a snapshot shared
 * with it, a role trusting it) is external.
 */
public final class Organisation {
    private final Map<String, String> names;
    private final Set<String> own = ConcurrentHashMap.newKeySet();
    /** The account {@link #seenRecipient} last recorded (a hint: a stale value only costs a lookup). */
    private volatile String lastRecipient;

    public Organisation(Map<String, String> names) {
        this.names = Map.copyOf(names);
        own.addAll(names.keySet());
    }

    public static Organisation empty() {
        return new Organisation(Map.of());
    }

    /** Records an account that received events: it is one of ours. */
    public void seenRecipient(String accountId) {
        if (accountId == null || accountId == lastRecipient) {
            return; // called for every event, and readers share one instance per account id: mostly the same again
        }
        if (!own.contains(accountId)) {
            own.add(accountId);
        }
        lastRecipient = accountId;
    }

    public boolean isOwn(String accountId) {
        return accountId != null && own.contains(accountId);
    }

    /** The configured name, or null. */
    public String nameOf(String accountId) {
        return accountId == null ? null : names.get(accountId);
    }

    public Map<String, String> names() {
        return names;
    }
}
