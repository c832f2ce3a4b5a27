package dev.trailhound.app.serve;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import dev.trailhound.ingest.files.DirectoryPoller;
import dev.trailhound.ingest.files.FileStamp;
import dev.trailhound.store.ingest.JdbcIngestedFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configured directories (S3 layout) and feeds new files to live detection, one poll at a time on its own
 * thread; which files were read is checkpointed in the database.
 */
final class DirectorySources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySources.class);
    private static final int BATCH = 1_000;

    private final DirectoryPoller poller;
    private final LiveDetection detection;
    private final InstantSource clock;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long polls;

    DirectorySources(List<Path> roots, LiveDetection detection, JdbcIngestedFiles ledger, ReadLimits limits,
                     InstantSource clock, Duration interval) {
        this.detection = detection;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.poller = new DirectoryPoller(roots, limits,
                s -> ledger.wasRead(s.path(), s.size(), s.modifiedMillis()),
                stamps -> ledger.markRead(stamps.stream().map(FileStamp::path).toList(),
                        stamps.stream().map(s -> new long[] {s.size(), s.modifiedMillis()}).toList(), clock.millis()),
                1_000, 2_000);
        this.thread = new Thread(this::run, "trailhound-directories");
        this.thread.setDaemon(true);
        this.thread.start();
        LOG.info("watching {} for new CloudTrail files every {} ms ({} files read before)", roots, intervalMillis, ledger.count());
    }

    private void run() {
        while (running) {
            try {
                DirectoryPoller.Poll poll;
                do {
                    poll = pollOnce();
                } while (running && poll.files() > 0);
                polls++;
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("reading the watched directories failed; trying again at the next poll", e);
            }
        }
    }

    private DirectoryPoller.Poll pollOnce() {
        List<Event> batch = new ArrayList<>(BATCH);
        DirectoryPoller.Poll poll = poller.poll(new RecordSink() {
            @Override
            public void accept(Event event) {
                batch.add(event);
                if (batch.size() == BATCH) {
                    detection.submit(List.copyOf(batch));
                    batch.clear();
                }
            }

            @Override
            public void reject(Rejection rejection) {
                // counted and summarised below, not logged one by one
            }
        }, clock.millis());
        if (!batch.isEmpty()) {
            detection.submit(List.copyOf(batch));
        }
        if (poll.files() > 0) {
            detection.countRejected(poll.rejected());
            LOG.info("read {} new files: {} events, {} rejected{}", poll.files(), poll.events(), poll.rejected(),
                    poll.firstRejections().isEmpty() ? "" : " (first: " + poll.firstRejections().get(0) + ")");
        }
        return poll;
    }

    /** Completed polls (each reads until nothing new is left). */
    long polls() {
        return polls;
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
