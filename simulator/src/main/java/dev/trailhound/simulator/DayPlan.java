package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every principal's visits of one day. Built once, then read by all streams in parallel. The named cast's visits
 * come first; those from {@code crowdFrom} on are the crowd's.
 */
record DayPlan(long dayStart, List<PlannedVisit> visits, int crowdFrom) {
    DayPlan {
        visits = List.copyOf(visits);
    }

    /**
     * {@code machineScale} multiplies the named machines' habit picks, {@code crowdScale} the crowd's;
     * {@code visitShare} is the share of visits kept.
     */
    static DayPlan build(Cast cast, World world, long seed, long dayStart, double machineScale, double crowdScale,
            double visitShare) {
        int dayOfWeek = dayOfWeek(dayStart);
        List<PlannedVisit> planned = new ArrayList<>();
        for (Actor actor : cast.actors()) {
            plan(actor, world, seed, dayStart, dayOfWeek, actor.machine() ? machineScale : 1.0, visitShare, planned);
        }
        int crowdFrom = planned.size();
        for (Actor actor : cast.crowd()) {
            plan(actor, world, seed, dayStart, dayOfWeek, crowdScale, visitShare, planned);
        }
        return new DayPlan(dayStart, planned, crowdFrom);
    }

    private static void plan(Actor actor, World world, long seed, long dayStart, int dayOfWeek, double scale,
            double visitShare, List<PlannedVisit> out) {
        long actorKey = actor.key(seed);
        for (Visit visit : actor.visits(seed, dayStart, dayOfWeek, scale, visitShare)) {
            Caller caller = actor.identity().caller(visit, actorKey, world);
            List<Placed> openings = new ArrayList<>(3);
            actor.identity().opening(visit, caller, actorKey, world, openings);
            out.add(new PlannedVisit(actor, visit, caller, openings));
        }
    }

    /** 1 = Monday .. 7 = Sunday, of the day starting at {@code dayStart} (epoch second). */
    static int dayOfWeek(long dayStart) {
        return (int) (Math.floorMod(Math.floorDiv(dayStart, Routine.DAY) + 3, 7L) + 1); // 1970-01-01 was a Thursday
    }

    /**
     * Expected records of the named cast's machines or people: habit picks (with repeats and companions) plus
     * opening events.
     */
    double expectedEvents(boolean machines) {
        double total = 0;
        for (PlannedVisit pv : visits.subList(0, crowdFrom)) {
            if (pv.actor().machine() == machines) {
                total += pv.actor().expectedEvents(pv.visit()) + pv.openings().size();
            }
        }
        return total;
    }

    /** Opening events of the named cast's machines or people, which no scale changes. */
    int openings(boolean machines) {
        int total = 0;
        for (PlannedVisit pv : visits.subList(0, crowdFrom)) {
            if (pv.actor().machine() == machines) {
                total += pv.openings().size();
            }
        }
        return total;
    }

    /** Expected records of the crowd: {habit picks with repeats and companions, opening events}. */
    double[] expectedCrowdEvents() {
        double picks = 0;
        double openings = 0;
        for (PlannedVisit pv : visits.subList(crowdFrom, visits.size())) {
            picks += pv.actor().expectedEvents(pv.visit());
            openings += pv.openings().size();
        }
        return new double[] {picks, openings};
    }
}
