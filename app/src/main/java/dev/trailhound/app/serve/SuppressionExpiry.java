package dev.trailhound.app.serve;

import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.store.suppression.EndedSuppression;
import dev.trailhound.store.suppression.JdbcSuppressionStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends suppression rules whose expiry has come, on a timer: their threats reopen, and each ending is audited as done
 * by the system. Rules past their expiry already stop applying to new threats before this runs (the store checks the
 * time); this is what reopens the threats they had suppressed.
 */
final class SuppressionExpiry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SuppressionExpiry.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("trailhound-suppression-expiry").factory());
    private final JdbcSuppressionStore suppressions;
    private final AuditLog audit;
    private final InstantSource clock;

    SuppressionExpiry(JdbcSuppressionStore suppressions, AuditLog audit, InstantSource clock, Duration every) {
        this.suppressions = suppressions;
        this.audit = audit;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends what is due now; returns what ended. */
    List<EndedSuppression> runOnce() {
        try {
            List<EndedSuppression> ended = suppressions.expire(clock.millis());
            for (EndedSuppression e : ended) {
                LOG.info("suppression rule {} expired: {} threats reopened", e.suppression().id(), e.reopened());
                audit.record(new AuditEntry(clock.millis(), "system", "suppression.expire", e.suppression().id(),
                        e.reopened() + " threats reopened"));
            }
            return ended;
        } catch (RuntimeException e) {
            LOG.error("ending expired suppression rules failed; trying again at the next run", e);
            return List.of();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
