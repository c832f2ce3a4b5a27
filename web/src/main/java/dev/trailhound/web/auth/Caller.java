package dev.trailhound.web.auth;

import dev.trailhound.store.user.Role;

/**
 * Who made a request, and how: a browser session (whose state-changing requests need the CSRF token) or an API
 * token.
 */
public record Caller(String username, Role role, boolean browserSession) {}
