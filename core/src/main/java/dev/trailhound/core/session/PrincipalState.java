package dev.trailhound.core.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Everything the core remembers about one principal: its open sessions and each detector's state. The unit
 * of state a partitioned runtime stores under {@link SessionRules#principalKey}.
 */
public final class PrincipalState {
    private final String principalKey;
    final Map<String, Session> byCredential = new HashMap<>();
    /** Activity sessions, ordered by first event time; they never overlap within the gap. */
    final List<Session> activity = new ArrayList<>();
    private final Object[] detectorStates;
    private long lastEventMillis = Long.MIN_VALUE;

    public PrincipalState(String principalKey, int detectors) {
        this.principalKey = principalKey;
        this.detectorStates = new Object[detectors];
    }

    public String principalKey() { return principalKey; }

    /** The state of detector number {@code index}, or null before its first event. */
    public Object detectorState(int index) { return detectorStates[index]; }

    public void detectorState(int index, Object state) { detectorStates[index] = state; }

    public long lastEventMillis() { return lastEventMillis; }

    void seen(long eventMillis) { lastEventMillis = Math.max(lastEventMillis, eventMillis); }

    /**
     * No open session of this principal can close before this event time (a lower bound: it only moves later when
     * {@link #closeIdle} looks at every session). Lets a sweep over thousands of active principals skip those with
     * nothing to close.
     */
    private long nothingClosesBefore = Long.MAX_VALUE;

    /** An event at {@code eventMillis} was assigned: its session cannot close before then plus the shortest bound. */
    void mayCloseFrom(long millis) {
        nothingClosesBefore = Math.min(nothingClosesBefore, millis);
    }

    /** True when {@link #closeIdle} at {@code watermarkMillis} could close a session. */
    public boolean mayCloseAt(long watermarkMillis) {
        return watermarkMillis > nothingClosesBefore;
    }

    /** Open sessions, in no particular order. */
    public List<Session> openSessions() {
        List<Session> all = new ArrayList<>(byCredential.values());
        all.addAll(activity);
        return all;
    }

    /** True when some detector keeps state for this principal (which then must not be dropped). */
    public boolean hasDetectorMemory() {
        for (Object s : detectorStates) {
            if (s != null) {
                return true;
            }
        }
        return false;
    }

    public boolean hasOpenSessions() { return !byCredential.isEmpty() || !activity.isEmpty(); }

    /**
     * Removes and returns the sessions that can no longer grow: no event for longer than their idle bound
     * plus the late allowance before {@code watermarkMillis} (event time up to which all input has been seen).
     */
    public List<Session> closeIdle(long watermarkMillis, SessionSettings settings) {
        List<Session> closed = null;
        long late = settings.lateAllowance().toMillis();
        long credentialIdle = settings.credentialIdle().toMillis() + late;
        for (Iterator<Session> it = byCredential.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (watermarkMillis - s.lastEventMillis() > credentialIdle) {
                closed = closed == null ? new ArrayList<>() : closed;
                closed.add(s);
                it.remove();
            }
        }
        long gap = settings.activityGap().toMillis() + late;
        for (Iterator<Session> it = activity.iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (watermarkMillis - s.lastEventMillis() > gap) {
                closed = closed == null ? new ArrayList<>() : closed;
                closed.add(s);
                it.remove();
            }
        }
        long next = Long.MAX_VALUE;
        for (Session s : byCredential.values()) {
            next = Math.min(next, s.lastEventMillis() + credentialIdle);
        }
        for (Session s : activity) {
            next = Math.min(next, s.lastEventMillis() + gap);
        }
        nothingClosesBefore = next;
        return closed == null ? List.of() : closed;
    }

    /** Removes and returns every open session (end of input). */
    public List<Session> closeAll() {
        List<Session> all = openSessions();
        byCredential.clear();
        activity.clear();
        return all;
    }
}
