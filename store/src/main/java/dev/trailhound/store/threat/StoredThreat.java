package dev.trailhound.store.threat;

/**
 * A threat as stored: the {@code scan} contract's document plus what the service adds.
 *
 * @param threatId         the threat's id
 * @param document         the threat in the {@code scan} output contract (JSON, without accountName)
 * @param accountId        its account
 * @param accountName      the account's name, or null
 * @param status           open or suppressed
 * @param eventCount       events in its session (also those not attached)
 * @param sessionClosed    its session can no longer grow
 * @param suppression      why, by whom and when it was suppressed, or null
 * @param createdAtMillis  when the service first stored it (wall clock)
 * @param updatedAtMillis  when it last changed (wall clock)
 */
public record StoredThreat(
        String threatId,
        String document,
        String accountId,
        String accountName,
        ThreatStatus status,
        long eventCount,
        boolean sessionClosed,
        Suppression suppression,
        long createdAtMillis,
        long updatedAtMillis) {

    /**
     * A recorded suppression of one threat.
     *
     * @param ruleId the suppression rule that suppressed it, or null when a person did
     */
    public record Suppression(String reason, String by, long atMillis, String ruleId) {}

    /** The same threat with its document (read apart from its other columns). */
    StoredThreat withDocument(String document) {
        return new StoredThreat(threatId, document, accountId, accountName, status, eventCount, sessionClosed, suppression,
                createdAtMillis, updatedAtMillis);
    }
}
