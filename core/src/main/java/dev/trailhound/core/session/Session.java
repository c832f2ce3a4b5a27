package dev.trailhound.core.session;

import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * One principal's activity under one set of credentials: the events attached to it (bounded, see
 * {@link SessionSettings}) and its detections. A session with at least one detection is a threat.
 * Owned and mutated by the core only.
 */
public final class Session {
    private String sessionId;
    private String threatId;
    private final long createdAtMillis;
    private final String principalKey;
    private final SessionKind kind;
    private final String credentialKey;
    private final Principal principal;
    private final String accountId;
    private long firstEventMillis;
    private long lastEventMillis;
    private final ArrayDeque<String> eventIds = new ArrayDeque<>();
    private long eventCount;
    private long eventsOmitted;
    private final List<Detection> detections = new ArrayList<>();
    private long detectionsOmitted;
    private Event firstDetectionEvent;
    private final List<String> mergedFrom = new ArrayList<>();

    Session(Event first, String principalKey, SessionKind kind, String credentialKey) {
        this.principalKey = principalKey;
        this.kind = kind;
        this.credentialKey = credentialKey;
        this.principal = first.principal();
        this.accountId = first.accountId();
        this.firstEventMillis = first.eventTimeMillis();
        this.lastEventMillis = first.eventTimeMillis();
        this.createdAtMillis = first.eventTimeMillis();
    }

    /** Threat ids are a digest of the session id: the same input gives the same ids. */
    static String threatIdOf(String sessionId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return "th-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    void add(Event event, SessionSettings settings) {
        firstEventMillis = Math.min(firstEventMillis, event.eventTimeMillis());
        lastEventMillis = Math.max(lastEventMillis, event.eventTimeMillis());
        eventCount++;
        attach(event.eventId(), settings);
    }

    private void attach(String eventId, SessionSettings settings) {
        if (!isThreat()) {
            if (eventIds.size() >= settings.eventsBeforeDetection() && settings.eventsBeforeDetection() > 0) {
                eventIds.removeFirst();
                eventsOmitted++;
            } else if (settings.eventsBeforeDetection() == 0) {
                eventsOmitted++;
                return;
            }
            eventIds.addLast(eventId);
        } else if (eventIds.size() < settings.eventsPerThreat()) {
            eventIds.addLast(eventId);
        } else {
            eventsOmitted++;
        }
    }

    /** Records detections found on one of the session's events (called by the detection core). */
    public void detected(Event event, List<Detection> found, SessionSettings settings) {
        if (firstDetectionEvent == null) {
            firstDetectionEvent = event;
        }
        for (Detection d : found) {
            if (detections.size() < settings.detectionsPerThreat()) {
                detections.add(d);
            } else {
                detectionsOmitted++;
            }
        }
    }

    /** Moves everything of {@code later} into this session, which keeps its id. */
    void absorb(Session later, SessionSettings settings) {
        firstEventMillis = Math.min(firstEventMillis, later.firstEventMillis);
        lastEventMillis = Math.max(lastEventMillis, later.lastEventMillis);
        eventCount += later.eventCount;
        eventsOmitted += later.eventsOmitted;
        boolean wasThreat = isThreat();
        if (firstDetectionEvent == null || later.firstDetectionEvent != null
                && later.firstDetectionEvent.eventTimeMillis() < firstDetectionEvent.eventTimeMillis()) {
            firstDetectionEvent = later.firstDetectionEvent != null ? later.firstDetectionEvent : firstDetectionEvent;
        }
        for (Detection d : later.detections) {
            if (detections.size() < settings.detectionsPerThreat()) {
                detections.add(d);
            } else {
                detectionsOmitted++;
            }
        }
        detectionsOmitted += later.detectionsOmitted;
        int cap = wasThreat || isThreat() ? settings.eventsPerThreat() : Math.max(settings.eventsBeforeDetection(), 1);
        for (String id : later.eventIds) {
            if (eventIds.size() < cap) {
                eventIds.addLast(id);
            } else {
                eventsOmitted++;
            }
        }
        if (later.isThreat()) {
            mergedFrom.add(later.threatId());
        }
        mergedFrom.addAll(later.mergedFrom);
    }

    /**
     * Principal + credential key + the time of the first event the session saw: unique and, for the same
     * input, the same. Built on first use (most sessions never need it).
     */
    public String sessionId() {
        if (sessionId == null) {
            sessionId = principalKey + "#" + (credentialKey != null ? credentialKey : "activity") + "@"
                    + Instant.ofEpochMilli(createdAtMillis);
        }
        return sessionId;
    }

    public String principalKey() { return principalKey; }

    public SessionKind kind() { return kind; }

    /** The access key id or console creation time the session is keyed by; null for activity sessions. */
    public String credentialKey() { return credentialKey; }

    /** The principal as its first event named it. */
    public Principal principal() { return principal; }

    /** The recipient account of the session's first event. */
    public String accountId() { return accountId; }

    /** The id the session has as a threat (stable: derived from the session id). */
    public String threatId() {
        if (threatId == null) {
            threatId = threatIdOf(sessionId());
        }
        return threatId;
    }

    public boolean isThreat() { return !detections.isEmpty(); }

    public long firstEventMillis() { return firstEventMillis; }

    public long lastEventMillis() { return lastEventMillis; }

    /** Every event the session has seen, attached or not. */
    public long eventCount() { return eventCount; }

    /** Attached event ids in processing order (bounded). */
    public List<String> eventIds() { return List.copyOf(eventIds); }

    /** Events of the session that are not in {@link #eventIds()} because of the bounds. */
    public long eventsOmitted() { return eventsOmitted; }

    public List<Detection> detections() { return Collections.unmodifiableList(detections); }

    public long detectionsOmitted() { return detectionsOmitted; }

    /** The event of the earliest detection, or null. */
    public Event firstDetectionEvent() { return firstDetectionEvent; }

    /** Threat ids of later sessions that a late event joined into this one. */
    public List<String> mergedFrom() { return List.copyOf(mergedFrom); }
}
