package dev.trailhound.app.serve;

import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.store.event.EventStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events stored longer ago than the retention, except the session events of threats, which are the
 * threats' evidence. Age is counted from arrival, not event time, so that a backfill of last year's trail for an
 * investigation is kept as long as today's input. Runs once when the service starts, before detection state is
 * rebuilt from the events kept, then on a timer; deletes in chunks, each its own transaction, so ingest is never held
 * up for long. Each run that deletes something is audited as done by the system.
 */
final class EventRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
    static final int CHUNK = 5_000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("trailhound-event-retention").factory());
    private final EventStore events;
    private final AuditLog audit;
    private final InstantSource clock;
    private final Duration retention;

    EventRetention(EventStore events, AuditLog audit, InstantSource clock, Duration retention) {
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("a retention must be positive, was " + retention);
        }
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
    }

    /** Runs {@link #runOnce} every {@code every}, the first time after one period (the service runs it at start). */
    EventRetention every(Duration every) {
        timer.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Deletes what is past the retention now; returns how many events. */
    long runOnce() {
        long cutoff = clock.millis() - retention.toMillis();
        long deleted = 0;
        try {
            int chunk;
            do {
                chunk = events.deleteUnlinkedReceivedBefore(cutoff, CHUNK);
                deleted += chunk;
            } while (chunk == CHUNK);
        } catch (RuntimeException e) {
            LOG.error("deleting events past the retention failed after {} deleted; trying again at the next run", deleted, e);
        }
        if (deleted > 0) {
            LOG.info("deleted {} events stored more than {} days ago (threats' session events are kept)", deleted, retention.toDays());
            audit.record(new AuditEntry(clock.millis(), "system", "events.expire", null,
                    deleted + " events stored more than " + retention.toDays() + " days ago deleted"));
        }
        return deleted;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
