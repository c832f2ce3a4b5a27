package dev.trailhound.simulator;

import java.util.List;

/** Every principal of the simulated organization. */
record Cast(List<Actor> actors) {
    Cast {
        actors = List.copyOf(actors);
    }

    Actor find(String id) {
        for (Actor actor : actors) {
            if (actor.id().equals(id)) {
                return actor;
            }
        }
        throw new IllegalArgumentException("no principal " + id + " in the cast");
    }

    /** The first principal whose id starts with {@code prefix}. */
    Actor first(String prefix) {
        for (Actor actor : actors) {
            if (actor.id().startsWith(prefix)) {
                return actor;
            }
        }
        throw new IllegalArgumentException("no principal " + prefix + "* in the cast");
    }
}
