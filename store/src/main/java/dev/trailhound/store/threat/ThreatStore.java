package dev.trailhound.store.threat;

import dev.trailhound.core.threat.Threat;
import java.util.List;
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
     * @return whether the threat was new
     */
    boolean upsert(Threat threat, long eventCount, boolean sessionClosed, long nowMillis);

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

    /**
     * Threats per time bucket of their detection time, over [fromMillis, toMillis) in buckets of {@code bucketMillis}
     * counted from {@code fromMillis}; every bucket is listed, empty ones with 0. The key is the bucket's start (epoch
     * milliseconds as text). The query's own time range, if any, narrows this one.
     */
    List<ThreatCount> countsOverTime(ThreatQuery query, long fromMillis, long toMillis, long bucketMillis);

    /** Threats per ATT&CK tactic id (a threat counts once for each of its tactics), tactics without threats left out. */
    List<ThreatCount> countsByTactic(ThreatQuery query);

    /** The accounts with the most threats, most first (ties by account id), with their names. */
    List<ThreatCount> topAccounts(ThreatQuery query, int limit);

    /** Suppresses an open threat; false when there is no such threat or it is not open. */
    boolean suppress(String threatId, String reason, String by, long nowMillis);

    /** Reopens a suppressed threat; false when there is no such threat or it is not suppressed. */
    boolean unsuppress(String threatId, long nowMillis);
}
