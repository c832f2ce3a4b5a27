package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.CloudTrailFileReader;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Reads a plan's files on several threads and delivers their events, on the caller's thread, merged into
 * approximate event-time order (the {@link dev.trailhound.core.order.EventOrderer} downstream makes it exact
 * within its tolerance).
 *
 * <p>Every file is a stream, opened when the merge reaches its first event time; the merge always takes the
 * earliest head event among the open streams. Whole-document files (S3 delivery objects) are decoded, and
 * their records sorted, ahead of the merge on the worker threads, in groups of {@link #GROUP} files; a JSON Lines file is read in batches by a
 * thread of its own. Memory is bounded by the files open at once (those overlapping in time), the
 * read-ahead, and two batches per open JSON Lines file.
 */
public final class OrderedFileReader implements AutoCloseable {
    /** Whole-document files decoded by one task: see {@link #submitGroup}. */
    private static final int GROUP = 8;

    private final ReadLimits limits;
    private final int threads;
    private final ExecutorService workers;
    private final ThreadLocal<CloudTrailFileReader> readers;
    private final Consumer<Event> prepare;

    public OrderedFileReader(ReadLimits limits, int threads) {
        this(limits, threads, event -> { });
    }

    /**
     * @param prepare stateless work on each event (e.g. rule matching), done on the reading threads right after
     *                decoding, so that it runs in parallel rather than on the caller's thread; must be thread-safe
     */
    public OrderedFileReader(ReadLimits limits, int threads, Consumer<Event> prepare) {
        this.prepare = prepare;
        this.limits = limits;
        this.threads = Math.max(1, threads);
        this.workers = Executors.newFixedThreadPool(this.threads, Thread.ofPlatform().daemon().name("reader-", 0).factory());
        this.readers = ThreadLocal.withInitial(() -> new CloudTrailFileReader(limits));
    }

    /** Reads every file of the plan; events and rejections go to {@code sink} on this thread. */
    public ReadStatistics read(InputPlan plan, RecordSink sink) {
        long[] counts = new long[2];
        RecordSink counting = new RecordSink() {
            @Override
            public void accept(Event event) {
                counts[0]++;
                sink.accept(event);
            }

            @Override
            public void reject(Rejection rejection) {
                counts[1]++;
                sink.reject(rejection);
            }
        };
        plan.problems().forEach(counting::reject);
        merge(plan.files(), counting);
        return new ReadStatistics(plan.files().size(), plan.skipped(), counts[0], counts[1]);
    }

    /**
     * A k-way merge over the files as streams: a file is opened when the merge reaches its key (its first
     * event time), and the earliest head event among the open files goes next. Whole-document files are
     * decoded a few files ahead of the merge on the worker threads.
     */
    private void merge(List<InputFile> files, RecordSink sink) {
        // streams by head event in (eventTime, eventId) order, the order the pipeline wants: events of the same second
        // from different files then arrive in order too, rather than as stragglers its ordering buffer must sort
        PriorityQueue<EventStream> open = new PriorityQueue<>(EventStream::compare);
        List<CompletableFuture<FileBatch>> ahead = new ArrayList<>(java.util.Collections.nCopies(files.size(), null));
        int readAhead = threads * 2 * GROUP;
        int next = 0;
        int submitted = 0;
        while (true) {
            while (submitted < files.size() && (submitted + GROUP <= next + readAhead || submitted == next)) {
                submitted = submitGroup(files, submitted, ahead);
            }
            if (next < files.size() && (open.isEmpty() || files.get(next).key() <= open.peek().headTime())) {
                InputFile f = files.get(next);
                EventStream stream = f.jsonLines() ? new JsonLinesStream(f, limits, prepare) : new DocumentFileStream(ahead.get(next));
                ahead.set(next, null);
                next++;
                if (stream.advance(sink)) {
                    open.add(stream);
                }
                continue;
            }
            EventStream head = open.poll();
            if (head == null) {
                return;
            }
            if (open.isEmpty() && next == files.size()) {
                drain(head, sink);
                return;
            }
            // the head stream goes on while it stays first: before the next open stream's head, and before the time
            // at which the next file opens (that file may hold events of the same second)
            EventStream other = open.peek();
            long nextFile = next < files.size() ? files.get(next).key() : Long.MAX_VALUE;
            boolean more = true;
            while (more && head.headTime() < nextFile && (other == null || EventStream.compare(head, other) <= 0)) {
                sink.accept(head.head());
                more = head.advance(sink);
            }
            if (more) {
                open.add(head);
            }
        }
    }

    /**
     * Submits the whole-document files among the next {@link #GROUP} as one task, and returns the index after
     * them. The task delivers the group's batches together when it is done: the merge then waits (and a thread
     * sleeps and wakes) once per group rather than once per file, which with S3 delivery objects of a few
     * dozen records each was a measurable share of the scan (tens of thousands of context switches).
     */
    private int submitGroup(List<InputFile> files, int from, List<CompletableFuture<FileBatch>> ahead) {
        int to = Math.min(files.size(), from + GROUP);
        List<Integer> members = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (!files.get(i).jsonLines()) {
                members.add(i);
                ahead.set(i, new CompletableFuture<>());
            }
        }
        if (!members.isEmpty()) {
            List<CompletableFuture<FileBatch>> futures = members.stream().map(ahead::get).toList();
            List<InputFile> groupFiles = members.stream().map(files::get).toList();
            workers.execute(() -> decodeGroup(groupFiles, futures));
        }
        return to;
    }

    private void decodeGroup(List<InputFile> files, List<CompletableFuture<FileBatch>> futures) {
        FileBatch[] batches = new FileBatch[files.size()];
        Throwable[] failures = new Throwable[files.size()];
        for (int i = 0; i < files.size(); i++) {
            try {
                batches[i] = decode(files.get(i));
            } catch (RuntimeException | Error e) {
                failures[i] = e;
            }
        }
        for (int i = 0; i < files.size(); i++) {
            if (failures[i] != null) {
                futures.get(i).completeExceptionally(failures[i]);
            } else {
                futures.get(i).complete(batches[i]);
            }
        }
    }

    private FileBatch decode(InputFile file) {
        BatchCollector collector = new BatchCollector(prepare);
        readers.get().read(file.path(), collector);
        if (collector.size() == 0) {
            collector.reject(new Rejection(file.path().toString(), "file", "holds no CloudTrail records"));
        }
        return collector.take(true);
    }

    private static void drain(EventStream stream, RecordSink sink) {
        do {
            sink.accept(stream.head());
        } while (stream.advance(sink));
    }

    public ReadLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
