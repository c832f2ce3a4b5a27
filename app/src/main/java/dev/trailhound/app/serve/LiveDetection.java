package dev.trailhound.app.serve;

import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.core.pipeline.DetectionCore;
import dev.trailhound.core.pipeline.EventPipeline;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.core.pipeline.ThreatListener;
import dev.trailhound.core.session.Session;
import dev.trailhound.core.session.Sessioniser;
import dev.trailhound.core.threat.ThreatAssembler;
import dev.trailhound.formats.cloudtrail.CloudTrailFileReader;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import dev.trailhound.store.event.EventRecord;
import dev.trailhound.store.event.EventStore;
import dev.trailhound.store.suppression.JdbcSuppressionStore;
import dev.trailhound.store.threat.ThreatStore;
import dev.trailhound.web.events.EventIntake;
import dev.trailhound.web.events.IngestCounts;
import dev.trailhound.web.metrics.ServiceMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's runtime of the detection core: input is read and stored on the callers' threads (the events
 * table's key drops what was stored before), prepared there, and handed to one pipeline thread that owns the
 * {@link EventPipeline} and upserts threats as their sessions grow, merge and close.
 *
 * <p>Ordering is by event time within the disorder tolerance, but the pipeline never waits long for events that may
 * not come: once input has been quiet for {@code releaseAfter} of wall-clock time, everything waiting is processed
 * (so an ingested event's threat is visible about that long after the request), and under steady input nothing waits
 * longer than {@code maxHold}. Bulk imports thus see the same order as {@code scan}; events that arrive after their
 * place has passed are processed at once, as late events.
 */
public final class LiveDetection implements EventIntake, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDetection.class);
    private static final int BATCH = 1_000;
    private static final int MAX_REJECTIONS_LISTED = 100;

    private final DetectionCore core;
    private final EventPipeline pipeline;
    private final EventStore events;
    private final ThreatStore threats;
    private final JdbcSuppressionStore suppressions;
    private final ServiceMetrics metrics;
    private final InstantSource clock;
    private final ReadLimits limits;
    private final long releaseAfterMillis;
    private final long maxHoldMillis;
    private final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(64);
    /** Reads of detection state from other threads, run by the pipeline thread between batches. */
    private final Queue<FutureTask<?>> reads = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<CloudTrailFileReader> readers;
    private final Thread thread;
    private final AtomicLong processedBatches = new AtomicLong();
    private final AtomicLong queuedBatches = new AtomicLong();
    private volatile boolean running = true;
    /** Events the pipeline holds back for ordering, as its thread last saw. */
    private volatile int waitingNow;

    public LiveDetection(List<Detector<?>> detectors, PipelineSettings settings, Organisation organisation, EventStore events,
                         ThreatStore threats, JdbcSuppressionStore suppressions, InstantSource clock, ReadLimits limits, Duration releaseAfter, Duration maxHold,
                         ServiceMetrics metrics) {
        this.metrics = metrics;
        this.core = new DetectionCore(detectors, new Sessioniser(settings.sessions()));
        this.events = events;
        this.threats = threats;
        this.suppressions = suppressions;
        this.clock = clock;
        this.limits = limits;
        this.releaseAfterMillis = releaseAfter.toMillis();
        this.maxHoldMillis = Math.max(releaseAfterMillis, maxHold.toMillis());
        this.readers = ThreadLocal.withInitial(() -> new CloudTrailFileReader(limits));
        this.pipeline = new EventPipeline(core, settings, organisation, new ThreatListener() {
            @Override
            public void changed(Session threat, Session mergedAway) {
                if (mergedAway != null && mergedAway.isThreat() && !mergedAway.threatId().equals(threat.threatId())) {
                    LiveDetection.this.threats.remove(mergedAway.threatId());
                }
                store(threat, false);
            }

            @Override
            public void closed(Session threat) {
                store(threat, true);
            }
        });
        this.thread = new Thread(this::run, "trailhound-pipeline");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Stores a threat as it is now, then lets the suppression rules decide whether it is open. */
    private void store(Session threat, boolean closed) {
        long now = clock.millis();
        if (threats.upsert(ThreatAssembler.assemble(threat), threat.eventCount(), closed, now)) {
            metrics.threatCreated();
        }
        suppressions.applyTo(threat.threatId(), now);
    }

    @Override
    public IngestCounts ingest(String source, InputStream body, boolean jsonLines) throws IOException {
        List<Event> read = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        long[] rejected = {0};
        readers.get().read(source, body, jsonLines, new RecordSink() {
            @Override
            public void accept(Event event) {
                read.add(event);
            }

            @Override
            public void reject(Rejection rejection) {
                rejected[0]++;
                if (rejections.size() < MAX_REJECTIONS_LISTED) {
                    rejections.add(rejection);
                }
            }
        });
        long accepted = 0;
        for (int from = 0; from < read.size(); from += BATCH) {
            List<Event> batch = read.subList(from, Math.min(read.size(), from + BATCH));
            accepted += submit(batch);
        }
        metrics.ingested(0, read.size() - accepted, rejected[0]);
        return new IngestCounts(accepted, read.size() - accepted, rejected[0], rejections);
    }

    /**
     * Rebuilds detection state after a restart: every stored event, in event-time order, goes through detection again
     * (sessions, correlations and baselines are in memory; the events table is what survives). Threat upserts are
     * idempotent, so threats stored before the restart are rewritten as they were. Returns how many events.
     */
    public long replay() {
        CloudTrailFileReader reader = new CloudTrailFileReader(limits);
        long count = 0;
        long afterMillis = Long.MIN_VALUE;
        String afterId = "";
        while (true) {
            List<EventRecord> page = events.inEventTimeOrder(afterMillis, afterId, 5_000);
            if (page.isEmpty()) {
                return count;
            }
            // one delivery-object document: a stored record may span lines (pretty-printed input)
            ByteArrayOutputStream document = new ByteArrayOutputStream(page.size() * 1_500);
            document.writeBytes("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < page.size(); i++) {
                if (i > 0) {
                    document.write(',');
                }
                document.writeBytes(page.get(i).rawJson());
            }
            document.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
            List<Event> parsed = new ArrayList<>(page.size());
            try {
                reader.read("stored events", new ByteArrayInputStream(document.toByteArray()),
                        false, new RecordSink() {
                            @Override
                            public void accept(Event event) {
                                core.prepare(event);
                                parsed.add(event);
                            }

                            @Override
                            public void reject(Rejection rejection) {
                                LOG.warn("a stored event could not be read again: {}", rejection);
                            }
                        });
            } catch (IOException e) {
                throw new IllegalStateException("stored events could not be read back", e);
            }
            hand(parsed);
            count += parsed.size();
            EventRecord last = page.get(page.size() - 1);
            afterMillis = last.eventMillis();
            afterId = last.eventId();
        }
    }

    /** Stores the events not stored before and queues them for detection; returns how many were new. */
    public int submit(List<Event> batch) {
        List<EventRecord> records = new ArrayList<>(batch.size());
        for (Event e : batch) {
            records.add(new EventRecord(e.eventId(), e.eventTimeMillis(), e.accountId(), e.service(), e.action(),
                    e.eventType(), e.region(), e.sourceIp(), e.jsonUtf8()));
        }
        boolean[] fresh = events.storeNew(records, clock.millis());
        List<Event> toDetect = new ArrayList<>(batch.size());
        for (int i = 0; i < fresh.length; i++) {
            if (fresh[i]) {
                Event e = batch.get(i);
                core.prepare(e);
                toDetect.add(e);
            }
        }
        metrics.ingested(toDetect.size(), 0, 0);
        hand(toDetect);
        return toDetect.size();
    }

    /** Queues prepared events for the pipeline thread, waiting while it is behind (back-pressure on the sources). */
    private void hand(List<Event> prepared) {
        if (prepared.isEmpty()) {
            return;
        }
        try {
            queuedBatches.incrementAndGet();
            queue.put(prepared);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing events to detection", e);
        }
    }

    private void run() {
        long lastInput = clock.millis();
        long waitingSince = -1;
        while (running) {
            try {
                List<Event> batch = queue.poll(Math.max(10, releaseAfterMillis / 4), TimeUnit.MILLISECONDS);
                for (FutureTask<?> read; (read = reads.poll()) != null; ) {
                    read.run();
                }
                long now = clock.millis();
                if (batch != null && !batch.isEmpty()) {
                    for (Event e : batch) {
                        metrics.lag((now - e.eventTimeMillis()) / 1000.0);
                        pipeline.offer(e);
                    }
                    lastInput = now;
                    processedBatches.incrementAndGet();
                }
                if (pipeline.waiting() == 0) {
                    waitingSince = -1;
                } else if (waitingSince < 0) {
                    waitingSince = now;
                }
                // Quiet input: nothing more is coming soon, so what waits is processed now. Busy input: events are
                // released by event time as usual, and a hold bound keeps a slow trickle from waiting indefinitely.
                if (waitingSince >= 0 && (now - lastInput >= releaseAfterMillis || now - waitingSince >= maxHoldMillis)) {
                    pipeline.releaseWaiting();
                    waitingSince = -1;
                }
                waitingNow = pipeline.waiting();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // one failing batch (a store error) must not stop detection for everything after it
                LOG.error("detection failed on a batch of events; continuing with the next", e);
            }
        }
    }

    /**
     * Runs {@code read} on the pipeline thread, which owns detection state (sessions, baselines), between two
     * batches, and returns its result; for the API's views of that state.
     *
     * @throws TimeoutException when the pipeline did not get to it within {@code timeout} (a long batch ahead of it)
     */
    public <T> T read(Callable<T> read, Duration timeout) throws TimeoutException {
        FutureTask<T> task = new FutureTask<>(read);
        reads.add(task);
        queue.offer(List.of());   // wakes the pipeline thread if it waits for input; when the queue is full it is busy anyway
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading detection state failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading detection state", e);
        } catch (TimeoutException e) {
            task.cancel(false);
            throw e;
        }
    }

    /** Counts records a source rejected before they reached {@link #submit}. */
    public void countRejected(long records) {
        metrics.ingested(0, 0, records);
    }

    /** Whether every batch handed over so far has been processed (tests and the demo wait on this). */
    public boolean idle() {
        return processedBatches.get() == queuedBatches.get() && waitingNow == 0;
    }

    public ReadLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
