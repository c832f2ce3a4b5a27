package dev.trailhound.simulator;

import java.util.List;

/** A visit with its caller and opening events worked out, shared read-only by every output stream of the day. */
record PlannedVisit(Actor actor, Visit visit, Caller caller, List<Placed> openings) {
    PlannedVisit {
        openings = List.copyOf(openings);
    }
}
