package dev.trailhound.core.pipeline;

import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.order.Deduplicator;
import dev.trailhound.core.order.EventOrderer;
import dev.trailhound.core.session.PrincipalState;
import dev.trailhound.core.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * De-duplication, event-time ordering and the {@link DetectionCore}, with the principal states kept in a
 * map: the single-process runtime of the core, used by {@code scan} and {@code serve}. Pure (no clock, no
 * I/O) and single-threaded; threats are reported to a {@link ThreatListener}.
 *
 * <p>Sessions are closed as event time passes their idle bound (checked every 15 minutes of event time),
 * and principal states without open sessions or detector memory are dropped, so memory follows the number
 * of active principals, not the input size.
 */
public final class EventPipeline {
    private static final long SWEEP_EVERY_MILLIS = 15 * 60_000L;

    private final DetectionCore core;
    private final Organisation organisation;
    private final ThreatListener listener;
    private final Deduplicator dedup;
    private final EventOrderer orderer;
    private final Map<String, PrincipalState> states = new HashMap<>();
    /** Made once: a method reference written in {@link #process} would be a new object per event. */
    private final Function<String, PrincipalState> newState;
    private long lastSweep = Long.MIN_VALUE;
    private long offered;
    private long duplicates;
    private long processed;
    private long serviceEvents;
    private long detections;
    private long threats;

    public EventPipeline(DetectionCore core, PipelineSettings settings, Organisation organisation, ThreatListener listener) {
        this.core = core;
        this.newState = core::newState;
        this.organisation = organisation;
        this.listener = listener;
        this.dedup = new Deduplicator(settings.dedupWindow(), settings.dedupMaxIds());
        this.orderer = new EventOrderer(settings.disorderTolerance(), this::process);
    }

    /** Offers one event in arrival order; it is processed once its place in event-time order is certain. */
    public void offer(Event event) {
        offered++;
        if (!dedup.firstSeen(event.eventId(), event.eventTimeMillis())) {
            duplicates++;
            return;
        }
        orderer.offer(event);
    }

    /**
     * Processes every event still waiting for its place in event-time order, without closing sessions: a live
     * service does this when its input has been quiet for a moment, so that a threat does not wait for later
     * events that may not come. Events older than those processed here arrive late and are processed at once.
     */
    public void releaseWaiting() {
        orderer.flush();
    }

    /** Events offered but not yet processed (waiting for their place in event-time order). */
    public int waiting() {
        return orderer.buffered();
    }

    /** Processes everything still waiting, and closes every session: end of input. */
    public void finish() {
        orderer.flush();
        List<Session> remaining = new ArrayList<>();
        for (PrincipalState state : states.values()) {
            remaining.addAll(core.closeAll(state));
        }
        states.clear();
        remaining.sort(Comparator.comparingLong(Session::firstEventMillis).thenComparing(Session::threatId));
        remaining.forEach(this::closed);
    }

    private void process(Event event) {
        processed++;
        organisation.seenRecipient(event.accountId());
        String key = DetectionCore.principalKey(event);
        PrincipalState state = states.computeIfAbsent(key, newState);
        Step step = core.process(state, event);
        event.forgetTree();
        if (step.session() == null) {
            serviceEvents++;
        }
        detections += step.detections().size();
        if (step.threatChanged()) {
            listener.changed(step.session(), step.mergedAway());
        }
        long now = orderer.watermark();
        if (lastSweep == Long.MIN_VALUE) {
            lastSweep = now;
        } else if (now - lastSweep >= SWEEP_EVERY_MILLIS) {
            sweep(now);
        }
    }

    private void sweep(long watermark) {
        lastSweep = watermark;
        List<Session> closed = new ArrayList<>();
        for (Iterator<PrincipalState> it = states.values().iterator(); it.hasNext(); ) {
            PrincipalState state = it.next();
            closed.addAll(core.closeIdle(state, watermark));
            if (!state.hasOpenSessions() && !state.hasDetectorMemory()) {
                it.remove();
            }
        }
        closed.sort(Comparator.comparingLong(Session::firstEventMillis).thenComparing(Session::threatId));
        closed.forEach(this::closed);
    }

    private void closed(Session session) {
        if (session.isThreat()) {
            threats++;
            listener.closed(session);
        }
    }

    public PipelineStatistics statistics() {
        return new PipelineStatistics(processed, duplicates, orderer.lateEvents(), serviceEvents, detections, threats);
    }

    /** Records offered, duplicates included. */
    public long offered() {
        return offered;
    }
}
