package dev.trailhound.store.user;

/**
 * An API token as it may be shown: never the token itself (only its digest is stored).
 *
 * @param lastUsedAtMillis when a request last authenticated with it (to the minute), or null when never
 */
public record ApiToken(long id, String username, String name, long createdAtMillis, Long lastUsedAtMillis) {}
