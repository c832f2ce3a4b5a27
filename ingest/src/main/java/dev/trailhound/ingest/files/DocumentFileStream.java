package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.formats.cloudtrail.RecordSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One whole-document file (an S3 delivery object) as a stream: decoded ahead on a worker thread, sorted. */
final class DocumentFileStream implements EventStream {
    private final CompletableFuture<FileBatch> decoded;
    private List<Event> events;
    private int index = -1;
    private Event head;
    private long headTime;

    DocumentFileStream(CompletableFuture<FileBatch> decoded) {
        this.decoded = decoded;
    }

    @Override
    public boolean advance(RecordSink rejections) {
        if (events == null) {
            FileBatch batch = decoded.join();
            batch.rejections().forEach(rejections::reject);
            events = batch.events();
        }
        if (++index >= events.size()) {
            return false;
        }
        head = events.get(index);
        headTime = head.eventTimeMillis();
        return true;
    }

    @Override
    public Event head() {
        return head;
    }

    @Override
    public long headTime() {
        return headTime;
    }
}
