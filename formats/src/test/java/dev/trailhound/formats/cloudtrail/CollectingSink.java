package dev.trailhound.formats.cloudtrail;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader delivers, for assertions. */
final class CollectingSink implements RecordSink {
    final List<Event> events = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accept(Event event) {
        events.add(event);
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.add(rejection);
    }

    List<String> ids() {
        return events.stream().map(Event::eventId).toList();
    }
}
