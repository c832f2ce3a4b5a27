package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes one scenario as a sequence of calls: who ({@link #as}), where ({@link #in}, {@link #region}), when
 * (each call a few seconds after the last; {@link #after} for pauses), and which calls are the key events
 * ({@link #key}) or fail ({@link #denied}). Event ids are fixed here so that the label can name them.
 */
final class Script {
    private final World world;
    private final SplittableRandom rng;
    private final List<Placed> calls = new ArrayList<>();
    private final List<String> eventIds = new ArrayList<>();
    private final List<String> keyEventIds = new ArrayList<>();
    private final Set<String> accounts = new LinkedHashSet<>();
    private final Set<String> principals = new LinkedHashSet<>();
    private final long start;
    private Account account;
    private int region;
    private Caller caller;
    private long time;
    private int maxGapSeconds = 25;
    private boolean nextKey;
    private boolean nextDenied;

    Script(World world, long seed, Account account, long start) {
        this.world = world;
        this.rng = new SplittableRandom(seed);
        this.account = account;
        this.start = start;
        this.time = start;
    }

    Script as(Caller who) {
        this.caller = who;
        return this;
    }

    Script in(Account where) {
        this.account = where;
        return this;
    }

    Script region(int index) {
        this.region = index;
        return this;
    }

    Script after(long seconds) {
        time += seconds;
        return this;
    }

    /** Calls follow each other by at most this many seconds (a script is fast, a person slower). */
    Script pace(int seconds) {
        this.maxGapSeconds = Math.max(1, seconds);
        return this;
    }

    Script key() {
        nextKey = true;
        return this;
    }

    Script denied() {
        nextDenied = true;
        return this;
    }

    /** One call of {@code apiKey} with placeholder values given as name/value pairs. */
    Script call(String apiKey, String... bindings) {
        Api api = world.api(apiKey);
        String eventId = IdMint.uuid(rng);
        Failure failure = nextDenied ? Failure.denied(api, caller.credential(), rng) : null;
        Bindings bound = bindings.length == 0 ? null : world.vocabulary().bind(bindings);
        calls.add(new Placed(account, new Call(api, caller, time, region, failure, bound, eventId)));
        eventIds.add(eventId);
        if (nextKey) {
            keyEventIds.add(eventId);
        }
        accounts.add(account.id());
        if (caller.credential().arn() != null) {
            principals.add(caller.credential().arn());
        }
        nextKey = false;
        nextDenied = false;
        time += 1 + rng.nextInt(maxGapSeconds);
        return this;
    }

    long now() {
        return time;
    }

    SplittableRandom rng() {
        return rng;
    }

    List<Placed> calls() {
        return List.copyOf(calls);
    }

    ScenarioLabel label(String id, String kind, String title, String description, List<String> stratus,
            List<String> techniques, List<String> tactics) {
        if (calls.isEmpty()) {
            throw new IllegalStateException("scenario " + id + " made no calls");
        }
        return new ScenarioLabel(id, kind, title, description, stratus, techniques, tactics, List.copyOf(accounts),
                List.copyOf(principals), TimeFormat.iso(start), TimeFormat.iso(time), eventIds, keyEventIds,
                ScenarioLabel.RULES);
    }
}
