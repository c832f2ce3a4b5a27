package dev.trailhound.web.auth;

import dev.trailhound.store.user.User;
import dev.trailhound.store.user.UserStore;
import dev.trailhound.web.ApiProblem;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Runs before every matched route: finds the caller (an {@code Authorization: Bearer} API token, or the browser
 * session cookie), checks the CSRF token on a browser's state-changing requests (not on token requests, which a
 * browser cannot send on its own), and the route's {@link Permission}. A route that names none needs an admin.
 */
public final class Authentication {
    public static final String SESSION_COOKIE = "trailhound_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CALLER = "trailhound.caller";

    private final UserStore users;
    private final BrowserSessions sessions;
    private final InstantSource clock;

    public Authentication(UserStore users, BrowserSessions sessions, InstantSource clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    public void check(Context ctx) {
        Permission needed = permissionOf(ctx);
        if (needed == Permission.PUBLIC) {
            return;
        }
        Caller caller = identify(ctx).orElseThrow(() -> new ApiProblem(401, null,
                "sign in first: send Authorization: Bearer <API token>, or POST /api/v1/login for a browser session"));
        if (!needed.allows(caller.role())) {
            throw new ApiProblem(403, null, "this needs the " + needed.least().label() + " role; "
                    + caller.username() + " is " + caller.role().label());
        }
        ctx.attribute(CALLER, caller);
    }

    private static Permission permissionOf(Context ctx) {
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Permission p) {
                return p;
            }
        }
        return Permission.CONFIGURE;
    }

    private Optional<Caller> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiProblem(401, "Authorization", "only Bearer API tokens are accepted");
            }
            return users.byToken(authorization.substring(7).trim(), clock.millis())
                    .map(u -> new Caller(u.username(), u.role(), null));
        }
        Optional<BrowserSessions.BrowserSession> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        // the user as it is now: a disabled user's session ends, a changed role applies at once
        Optional<User> user = users.find(session.get().username()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            sessions.end(session.get().id());
            return Optional.empty();
        }
        if (changesState(ctx.method()) && !sameToken(session.get().csrfToken(), ctx.header(CSRF_HEADER))) {
            throw new ApiProblem(403, CSRF_HEADER, "a browser's state-changing request must carry the CSRF token"
                    + " its login answered with, in the " + CSRF_HEADER + " header");
        }
        return Optional.of(new Caller(user.get().username(), user.get().role(), session.get().id()));
    }

    private static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The caller {@link #check} found for this request. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller on a route that needs one: give the route a Permission");
        }
        return caller;
    }
}
