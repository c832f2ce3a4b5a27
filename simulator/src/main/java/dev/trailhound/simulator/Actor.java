package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One principal of the organization and its way of working: who it is ({@link Identity}), what it calls
 * ({@link HabitSet}), when ({@link Routine}) and where (accounts, and how often through the console).
 * {@code machine} principals grow with the requested scale; people do not. {@code activeFrom} and
 * {@code activeUntil} (epoch seconds) bound when its visits may start: a principal may join mid-way, as a new
 * employee does, or fall silent, as a contractor whose engagement ended does.
 */
record Actor(String id, Identity identity, HabitSet habits, Routine routine, WeightedChoice<Account> accounts,
        double consoleShare, boolean machine, long activeFrom, long activeUntil) {
    private static final long THINNING = SplitMix.hash("thinning");

    Actor(String id, Identity identity, HabitSet habits, Routine routine, Account account, boolean machine) {
        this(id, identity, habits, routine, new WeightedChoice<>(List.of(account), new double[] {1}), 0, machine,
                Long.MIN_VALUE);
    }

    Actor(String id, Identity identity, HabitSet habits, Routine routine, WeightedChoice<Account> accounts,
            double consoleShare, boolean machine, long activeFrom) {
        this(id, identity, habits, routine, accounts, consoleShare, machine, activeFrom, Long.MAX_VALUE);
    }

    long key(long seed) {
        return SplitMix.derive(seed, SplitMix.hash("actor/" + id));
    }

    /**
     * The visits of one day, placed in their accounts; {@code scale} multiplies their picks, and each visit is
     * kept with probability {@code share} (below 1 only for samples smaller than the organization's activity).
     */
    List<Visit> visits(long seed, long dayStart, int dayOfWeek, double scale, double share) {
        if (dayStart + Routine.DAY <= activeFrom || dayStart >= activeUntil) {
            return List.of();
        }
        SplittableRandom rng = new SplittableRandom(SplitMix.derive(key(seed), dayStart));
        // a random source of its own, so that thinning leaves the choices made for the visits kept unchanged
        SplittableRandom thinning = share < 1 ? new SplittableRandom(SplitMix.derive(key(seed), dayStart, THINNING)) : null;
        List<Visit> placed = new ArrayList<>();
        for (Visit visit : routine.visits(dayStart, dayOfWeek, rng)) {
            if (visit.start() < activeFrom || visit.start() >= activeUntil) {
                continue;
            }
            Account account = accounts.pick(rng);
            boolean console = consoleShare > 0 && rng.nextDouble() < consoleShare;
            if (thinning != null && thinning.nextDouble() >= share) {
                continue;
            }
            Visit v = visit.withPlace(account, console);
            placed.add(scale == 1.0 ? v : v.scaled(scale));
        }
        return placed;
    }

    /**
     * The calls a visit makes in one region: a Poisson number of habit picks spread over the visit, each
     * repeated as its habit says, failing as its habit says.
     */
    void calls(Visit visit, Caller caller, int region, long seed, List<Call> out) {
        double share = habits.share(region);
        if (share <= 0) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(SplitMix.derive(key(seed), visit.start(), region + 1));
        int picks = PoissonSampler.sample(visit.picks() * share, rng);
        long span = visit.end() - visit.start();
        for (int i = 0; i < picks; i++) {
            HabitEntry entry = habits.pick(region, rng);
            long time = visit.start() + rng.nextLong(span);
            int repeats = entry.minRepeat() + rng.nextInt(entry.maxRepeat() - entry.minRepeat() + 1);
            for (int r = 0; r < repeats; r++) {
                out.add(new Call(entry.api(), caller, time + r * (1 + rng.nextInt(3)), region, failure(entry, caller, rng), null));
            }
        }
    }

    private static Failure failure(HabitEntry entry, Caller caller, SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < entry.denied()) {
            return Failure.denied(entry.api(), caller.credential(), rng);
        }
        u -= entry.denied();
        if (u < entry.throttled()) {
            return Failure.throttled(entry.api());
        }
        u -= entry.throttled();
        return u < entry.missing() ? Failure.MISSING : null;
    }

    /** Expected records of one visit over all regions, for volume planning. */
    double expectedEvents(Visit visit) {
        return visit.picks() * habits.meanEvents();
    }
}
