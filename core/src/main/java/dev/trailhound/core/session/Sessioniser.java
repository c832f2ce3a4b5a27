package dev.trailhound.core.session;

import dev.trailhound.core.event.Event;
import java.util.Comparator;
import java.util.List;

/**
 * Puts each event into its principal's session (rules in {@link SessionRules}). Pure: no clock, no I/O.
 *
 * <p>Activity sessions are split by the inactivity gap. When a late event falls between two of them, within
 * the gap of both, they become one: the earlier session keeps its id (and threat id), the later one is
 * absorbed and reported as {@link Assignment#mergedAway()}.
 */
public final class Sessioniser {
    private final SessionSettings settings;
    /** No session closes sooner after its last event than this: the shorter idle bound plus the late allowance. */
    private final long shortestCloseBound;

    public Sessioniser(SessionSettings settings) {
        this.settings = settings;
        this.shortestCloseBound = Math.min(settings.activityGap().toMillis(), settings.credentialIdle().toMillis())
                + settings.lateAllowance().toMillis();
    }

    public SessionSettings settings() { return settings; }

    public Assignment assign(PrincipalState state, Event event) {
        SessionKind kind = SessionRules.kindOf(event);
        if (kind == SessionKind.AWS_SERVICE) {
            return new Assignment(null, null, false);
        }
        state.seen(event.eventTimeMillis());
        state.mayCloseFrom(event.eventTimeMillis() + shortestCloseBound);
        if (kind == SessionKind.ACTIVITY) {
            return assignActivity(state, event);
        }
        String key = lookupKey(event, kind);
        Session session = state.byCredential.get(key);
        boolean late = false;
        if (session == null) {
            session = new Session(event, state.principalKey(), kind, SessionRules.credentialKey(event, kind));
            state.byCredential.put(key, session);
        } else {
            late = event.eventTimeMillis() < session.lastEventMillis();
        }
        session.add(event, settings);
        return new Assignment(session, null, late);
    }

    /**
     * The key of the session among the principal's credential sessions: the access key id itself for temporary
     * keys (most events; the reader shares one instance per id, so nothing is built per event), the full
     * credential key otherwise. An access key id never looks like {@code console:...}.
     */
    private static String lookupKey(Event event, SessionKind kind) {
        return kind == SessionKind.TEMPORARY_KEY ? event.principal().accessKeyId() : SessionRules.credentialKey(event, kind);
    }

    private Assignment assignActivity(PrincipalState state, Event event) {
        long t = event.eventTimeMillis();
        long gap = settings.activityGap().toMillis();
        List<Session> sessions = state.activity;
        Session before = null;
        Session after = null;
        for (Session s : sessions) {
            if (t >= s.firstEventMillis() - gap && t <= s.lastEventMillis() + gap) {
                if (before == null) {
                    before = s;
                } else {
                    after = s;
                    break;
                }
            }
        }
        if (before == null) {
            Session created = new Session(event, state.principalKey(), SessionKind.ACTIVITY, null);
            created.add(event, settings);
            sessions.add(created);
            sessions.sort(Comparator.comparingLong(Session::firstEventMillis));
            return new Assignment(created, null, false);
        }
        boolean late = t < before.lastEventMillis();
        before.add(event, settings);
        if (after != null) {
            before.absorb(after, settings);
            sessions.remove(after);
            return new Assignment(before, after, true);
        }
        return new Assignment(before, null, late);
    }
}
