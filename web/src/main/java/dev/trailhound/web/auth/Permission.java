package dev.trailhound.web.auth;

import dev.trailhound.store.user.Role;
import io.javalin.security.RouteRole;

/** What a route needs: the least role that may call it. */
public enum Permission implements RouteRole {
    /** No sign-in (health, login). */
    PUBLIC(null),
    READ(Role.VIEWER),
    TRIAGE(Role.ANALYST),
    CONFIGURE(Role.ADMIN);

    private final Role least;

    Permission(Role least) {
        this.least = least;
    }

    public boolean allows(Role role) {
        return least == null || role.includes(least);
    }

    public Role least() {
        return least;
    }
}
