package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.RecordSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Collects what a reader finds into a batch, sorted by event time (CloudTrail files are not). */
class BatchCollector implements RecordSink {
    static final Comparator<Event> BY_TIME = BatchCollector::compare;

    private static int compare(Event a, Event b) {
        int byTime = Long.compare(a.eventTimeMillis(), b.eventTimeMillis());
        return byTime != 0 ? byTime : a.eventId().compareTo(b.eventId());
    }

    private final Consumer<Event> prepare;
    List<Event> events = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    long accepted;

    BatchCollector(Consumer<Event> prepare) {
        this.prepare = prepare;
    }

    @Override
    public void accept(Event event) {
        prepare.accept(event);
        events.add(event);
        accepted++;
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.add(rejection);
    }

    int size() {
        return events.size() + rejections.size();
    }

    FileBatch take(boolean last) {
        events.sort(BY_TIME);
        FileBatch batch = new FileBatch(events, rejections, last);
        events = new ArrayList<>();
        rejections = new ArrayList<>();
        return batch;
    }
}
