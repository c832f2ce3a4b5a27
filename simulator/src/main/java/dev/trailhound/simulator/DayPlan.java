package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/** Every principal's visits of one day. Built once, then read by all streams in parallel. */
record DayPlan(long dayStart, List<PlannedVisit> visits) {
    DayPlan {
        visits = List.copyOf(visits);
    }

    /** {@code machineScale} multiplies machines' habit picks; {@code visitShare} is the share of visits kept. */
    static DayPlan build(Cast cast, World world, long seed, long dayStart, double machineScale, double visitShare) {
        int dayOfWeek = dayOfWeek(dayStart);
        List<PlannedVisit> planned = new ArrayList<>();
        for (Actor actor : cast.actors()) {
            long actorKey = actor.key(seed);
            for (Visit visit : actor.visits(seed, dayStart, dayOfWeek, actor.machine() ? machineScale : 1.0, visitShare)) {
                Caller caller = actor.identity().caller(visit, actorKey, world);
                List<Placed> openings = new ArrayList<>(3);
                actor.identity().opening(visit, caller, actorKey, world, openings);
                planned.add(new PlannedVisit(actor, visit, caller, openings));
            }
        }
        return new DayPlan(dayStart, planned);
    }

    /** 1 = Monday .. 7 = Sunday, of the day starting at {@code dayStart} (epoch second). */
    static int dayOfWeek(long dayStart) {
        return (int) (Math.floorMod(Math.floorDiv(dayStart, Routine.DAY) + 3, 7L) + 1); // 1970-01-01 was a Thursday
    }

    /** Expected records: habit picks (with repeats and companions) plus opening events. */
    double expectedEvents(boolean machines) {
        double total = 0;
        for (PlannedVisit pv : visits) {
            if (pv.actor().machine() == machines) {
                total += pv.actor().expectedEvents(pv.visit()) + pv.openings().size();
            }
        }
        return total;
    }
}
