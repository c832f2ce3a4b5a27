package dev.trailhound.store.event;

import java.util.List;

/** One page of a threat's session events, oldest first, and the cursor of the next page (null on the last). */
public record EventPage(List<EventRecord> items, String nextCursor) {
    public EventPage {
        items = List.copyOf(items);
    }
}
