package dev.trailhound.store.threat;

import dev.trailhound.core.threat.Threat;
import java.util.Optional;

/** Stored threats: upserted as their sessions grow, listed with filters, triaged. */
public interface ThreatStore {
    /**
     * Stores a threat as it is now, new or grown; its status and suppression are kept. Its attached events must
     * be in the event store already.
     *
     * @param eventCount    events in its session
     * @param sessionClosed whether its session can still grow
     * @param nowMillis     wall clock, for created/updated times
     */
    void upsert(Threat threat, long eventCount, boolean sessionClosed, long nowMillis);

    /** Deletes a threat that a late event merged into another (which lists it in {@code mergedFrom}). */
    void remove(String threatId);

    /**
     * One page of the threats a query matches.
     *
     * @param limit  page size, already clamped by the caller
     * @param cursor the previous page's {@link ThreatPage#nextCursor()}, or null for the first page
     * @throws IllegalArgumentException when the cursor was not made by this sort
     */
    ThreatPage list(ThreatQuery query, ThreatSort sort, int limit, String cursor);

    Optional<StoredThreat> get(String threatId);

    /** Suppresses an open threat; false when there is no such threat or it is not open. */
    boolean suppress(String threatId, String reason, String by, long nowMillis);

    /** Reopens a suppressed threat; false when there is no such threat or it is not suppressed. */
    boolean unsuppress(String threatId, long nowMillis);
}
