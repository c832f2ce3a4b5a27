package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.CloudTrailFileReader;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One JSON Lines file as a stream: a reader thread of its own decodes it into batches of a few thousand
 * records, at most two batches ahead of the merge, so a file of any size is read in bounded memory.
 */
final class JsonLinesStream implements EventStream {
    static final int BATCH = 4096;

    private final BlockingQueue<FileBatch> queue = new ArrayBlockingQueue<>(2);
    private List<Event> current = List.of();
    private int index = -1;
    private Event head;
    private long headTime;
    private boolean finished;

    JsonLinesStream(InputFile file, ReadLimits limits, Consumer<Event> prepare) {
        Thread.ofPlatform().daemon().name("reader-" + file.path().getFileName()).start(() -> produce(file, limits, prepare));
    }

    private void produce(InputFile file, ReadLimits limits, Consumer<Event> prepare) {
        BatchCollector collector = new BatchCollector(prepare) {
            @Override
            public void accept(Event event) {
                super.accept(event);
                if (size() >= BATCH) {
                    hand(take(false));
                }
            }
        };
        try {
            new CloudTrailFileReader(limits).read(file.path(), collector);
            if (collector.accepted == 0 && collector.size() == 0) {
                collector.reject(new Rejection(file.path().toString(), "file", "holds no CloudTrail records"));
            }
        } finally {
            hand(collector.take(true));
        }
    }

    private void hand(FileBatch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading interrupted", e);
        }
    }

    @Override
    public boolean advance(RecordSink rejections) {
        while (++index >= current.size()) {
            if (finished) {
                current = List.of();
                return false;
            }
            FileBatch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("reading interrupted", e);
            }
            batch.rejections().forEach(rejections::reject);
            finished = batch.last();
            current = batch.events();
            index = -1;
        }
        head = current.get(index);
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
