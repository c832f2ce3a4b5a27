package dev.trailhound.store.suppression;

/**
 * A suppression rule as stored.
 *
 * @param id              its id
 * @param scope           which threats it covers
 * @param reason          why (kept with every threat it suppresses)
 * @param owner           who answers for it
 * @param createdBy       who saved it
 * @param createdAtMillis when
 * @param expiresAtMillis when it stops applying and its threats reopen, or null for never
 * @param endedAtMillis   when it ended (expired or deleted), or null while it applies
 * @param endedBy         who ended it ("expiry" when it expired), or null
 * @param hits            threats it has suppressed
 * @param lastHitMillis   when it last suppressed one, or null
 */
public record Suppression(
        String id,
        SuppressionScope scope,
        String reason,
        String owner,
        String createdBy,
        long createdAtMillis,
        Long expiresAtMillis,
        Long endedAtMillis,
        String endedBy,
        long hits,
        Long lastHitMillis) {

    /** Who ends a rule that reached its expiry. */
    public static final String EXPIRY = "expiry";

    /** active, expired or deleted. */
    public String state() {
        if (endedAtMillis == null) {
            return "active";
        }
        return EXPIRY.equals(endedBy) ? "expired" : "deleted";
    }
}
