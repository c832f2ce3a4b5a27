package dev.trailhound.simulator;

import java.util.List;

/**
 * Every principal of the simulated organization: {@code actors}, the named cast that scenarios and documentation
 * refer to, and {@code crowd}, the many anonymous identities added for a requested number of principals
 * ({@link Crowd}), which no scenario touches.
 */
record Cast(List<Actor> actors, List<Actor> crowd) {
    Cast {
        actors = List.copyOf(actors);
        crowd = List.copyOf(crowd);
    }

    Cast(List<Actor> actors) {
        this(actors, List.of());
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
