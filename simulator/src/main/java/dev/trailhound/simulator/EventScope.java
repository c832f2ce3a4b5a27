package dev.trailhound.simulator;

import java.util.SplittableRandom;

/**
 * Everything a placeholder may depend on while one event is written: the stream's random source, the recipient
 * account and region, the time, the caller, and the ids already chosen. Values are memoised per event, so
 * {@code ${instanceId}} in the request and in the response of one record name the same instance. One scope is
 * reused for every event of a stream; {@link #begin} starts the next event.
 */
final class EventScope {
    private final SplittableRandom rng;
    private final Organization organization;
    private final Vocabulary vocabulary;
    private final String[] memo;
    private final int[] stamp;
    private int generation;

    private Account account;
    private int region;
    private long time;
    private Credential credential;
    private String requestId;
    private String eventId;
    private Bindings callBindings = Bindings.NONE;
    private Bindings sessionBindings = Bindings.NONE;

    EventScope(SplittableRandom rng, Organization organization, Vocabulary vocabulary) {
        this.rng = rng;
        this.organization = organization;
        this.vocabulary = vocabulary;
        this.memo = new String[vocabulary.size()];
        this.stamp = new int[vocabulary.size()];
    }

    void begin(Account account, int region, long time, Credential credential, String eventId, String requestId,
            Bindings sessionBindings, Bindings callBindings) {
        generation++;
        this.account = account;
        this.region = region;
        this.time = time;
        this.credential = credential;
        this.eventId = eventId;
        this.requestId = requestId;
        this.sessionBindings = sessionBindings == null ? Bindings.NONE : sessionBindings;
        this.callBindings = callBindings == null ? Bindings.NONE : callBindings;
    }

    /** Keeps this event's memoised values for a companion event (same secret, same object) written next. */
    void continueWith(Credential companionCaller, String eventId, String requestId, long time) {
        this.credential = companionCaller;
        this.eventId = eventId;
        this.requestId = requestId;
        this.time = time;
    }

    String value(int index) {
        String bound = callBindings.find(index);
        if (bound == null) {
            bound = sessionBindings.find(index);
        }
        if (bound != null) {
            return bound;
        }
        if (stamp[index] == generation) {
            return memo[index];
        }
        String computed = vocabulary.source(index).value(this);
        memo[index] = computed;
        stamp[index] = generation;
        return computed;
    }

    String value(String name) {
        return value(vocabulary.indexOf(name));
    }

    /** A value only if something in this event already needed it. */
    String resolvedOrNull(String name) {
        if (!vocabulary.knows(name)) {
            return null;
        }
        int index = vocabulary.indexOf(name);
        String bound = callBindings.find(index);
        if (bound == null) {
            bound = sessionBindings.find(index);
        }
        if (bound != null) {
            return bound;
        }
        return stamp[index] == generation ? memo[index] : null;
    }

    SplittableRandom rng() {
        return rng;
    }

    Organization organization() {
        return organization;
    }

    Account account() {
        return account;
    }

    int region() {
        return region;
    }

    String regionName() {
        return organization.region(region);
    }

    long time() {
        return time;
    }

    Credential credential() {
        return credential;
    }

    String requestId() {
        return requestId;
    }

    String eventId() {
        return eventId;
    }
}
