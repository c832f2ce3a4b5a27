package dev.trailhound.store.threat;

import java.util.List;

/** One page of a listing, and the cursor of the next page (null on the last page). */
public record ThreatPage(List<StoredThreat> items, String nextCursor) {
    public ThreatPage {
        items = List.copyOf(items);
    }
}
