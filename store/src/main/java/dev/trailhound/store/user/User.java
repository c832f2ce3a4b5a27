package dev.trailhound.store.user;

/**
 * A person or automation that signs in to the service. A disabled user cannot sign in, and its browser sessions and
 * API tokens do not work while it is disabled.
 *
 * @param lastLoginAtMillis when the user last signed in with a password, or null when never
 */
public record User(String username, Role role, boolean disabled, long createdAtMillis, Long lastLoginAtMillis) {
    public User {
        if (username == null || role == null) {
            throw new IllegalArgumentException("a user has a name and a role");
        }
    }

    /** Whether this user is an admin that may sign in: the service keeps at least one. */
    public boolean isEnabledAdmin() {
        return role == Role.ADMIN && !disabled;
    }
}
