package dev.trailhound.web.auth;

import dev.trailhound.store.user.Role;

/**
 * Who made a request, and how: a browser session (whose state-changing requests need the CSRF token) or an API
 * token.
 *
 * @param sessionId the browser session the request came with, or null for an API token
 */
public record Caller(String username, Role role, String sessionId) {
    public boolean browserSession() {
        return sessionId != null;
    }

    public boolean isAdmin() {
        return role.includes(Role.ADMIN);
    }
}
