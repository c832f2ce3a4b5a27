package dev.trailhound.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.store.user.User;
import dev.trailhound.store.user.UserStore;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.ApiRoutes;
import dev.trailhound.web.Json;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Optional;

/** Browser sign-in (limited by the {@link PasswordGuard}) and sign-out, and who the caller is. */
public final class LoginApi implements ApiModule {
    /** The longest username the store holds. */
    static final int MAX_USERNAME = 128;

    private final UserStore users;
    private final BrowserSessions sessions;
    private final PasswordGuard guard;
    private final AuditLog audit;
    private final InstantSource clock;

    public LoginApi(UserStore users, BrowserSessions sessions, PasswordGuard guard, AuditLog audit, InstantSource clock) {
        this.users = users;
        this.sessions = sessions;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/api/v1/login", this::login, Permission.PUBLIC);
        routes.post("/api/v1/logout", this::logout, Permission.READ);
        routes.get("/api/v1/me", this::me, Permission.READ);
    }

    private void login(Context ctx) {
        String username;
        String password;
        if (ctx.contentType() != null && ctx.contentType().startsWith("application/x-www-form-urlencoded")) {
            username = ctx.formParam("username");
            password = ctx.formParam("password");
        } else {
            JsonNode body = Json.readObject(ctx);
            username = body.path("username").asText(null);
            password = body.path("password").asText(null);
        }
        if (username == null || username.isBlank()) {
            throw ApiProblem.badRequest("username", "username is required");
        }
        if (username.length() > MAX_USERNAME) {
            throw ApiProblem.badRequest("username", "a username has at most " + MAX_USERNAME + " characters");
        }
        if (password == null) {
            throw ApiProblem.badRequest("password", "password is required");
        }
        LoginAttempt.Admitted attempt = guard.admit(username, ctx.ip(), "username");
        Optional<User> user = users.authenticate(username, password);
        audit.record(new AuditEntry(clock.millis(), username, user.isPresent() ? "login" : "login-failed", null, null));
        if (user.isEmpty()) {
            guard.failed(attempt);
            throw new ApiProblem(401, null, "wrong username or password");
        }
        guard.succeeded(attempt);
        users.recordLogin(username, clock.millis());
        BrowserSessions.BrowserSession session = sessions.start(user.get().username());
        ctx.header("Set-Cookie", Authentication.SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict");
        ObjectNode body = whoIs(user.get().username(), user.get().role().label());
        body.put("csrfToken", session.csrfToken());
        Json.send(ctx, 200, body);
    }

    private void logout(Context ctx) {
        sessions.end(ctx.cookie(Authentication.SESSION_COOKIE));
        ctx.header("Set-Cookie", Authentication.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }

    private void me(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        Json.send(ctx, 200, whoIs(caller.username(), caller.role().label()));
    }

    private static ObjectNode whoIs(String username, String role) {
        ObjectNode body = Json.object();
        body.put("username", username);
        body.put("role", role);
        return body;
    }
}
