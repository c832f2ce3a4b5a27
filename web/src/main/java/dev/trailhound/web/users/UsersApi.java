package dev.trailhound.web.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.store.user.Role;
import dev.trailhound.store.user.User;
import dev.trailhound.store.user.UserChange;
import dev.trailhound.store.user.UserStore;
import dev.trailhound.store.user.UserUpdate;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.ApiRoutes;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.BrowserSessions;
import dev.trailhound.web.auth.Caller;
import dev.trailhound.web.auth.LoginAttempt;
import dev.trailhound.web.auth.PasswordGuard;
import dev.trailhound.web.auth.Permission;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Users (admin): list, create, change role or disable; and passwords: an admin sets anyone's, a user changes their
 * own by giving the current one. Every change is audited; no password is ever answered or logged.
 */
public final class UsersApi implements ApiModule {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,127}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;

    private final UserStore users;
    private final BrowserSessions sessions;
    private final PasswordGuard guard;
    private final AuditLog audit;
    private final InstantSource clock;

    public UsersApi(UserStore users, BrowserSessions sessions, PasswordGuard guard, AuditLog audit, InstantSource clock) {
        this.users = users;
        this.sessions = sessions;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/api/v1/users", this::list, Permission.CONFIGURE);
        routes.post("/api/v1/users", this::create, Permission.CONFIGURE);
        routes.put("/api/v1/users/{username}", this::update, Permission.CONFIGURE);
        // any signed-in user, for their own password; the handler checks the rest
        routes.post("/api/v1/users/{username}/password", this::password, Permission.READ);
    }

    private void list(Context ctx) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        users.list().forEach(u -> items.add(json(u)));
        body.putNull("nextCursor");
        Json.send(ctx, 200, body);
    }

    private void create(Context ctx) {
        JsonNode body = Json.readObject(ctx);
        String username = text(body, "username");
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiProblem.badRequest("username", "a username is 1 to 128 characters: lower-case letters, digits and"
                    + " . _ @ -, starting with a letter or digit");
        }
        Role role = role(body);
        if (role == null) {
            throw ApiProblem.badRequest("role", "role is required: admin, analyst or viewer");
        }
        String password = newPassword(body, "password");
        Caller caller = Authentication.caller(ctx);
        long now = clock.millis();
        if (!users.create(username, password, role, now)) {
            throw new ApiProblem(409, "username", "user '" + username + "' exists");
        }
        audit.record(new AuditEntry(now, caller.username(), "user.create", username, "role " + role.label()));
        Json.send(ctx, 201, json(users.find(username).orElseThrow()));
    }

    private void update(Context ctx) {
        String username = ctx.pathParam("username");
        JsonNode body = Json.readObject(ctx);
        Role role = role(body);
        JsonNode disabledNode = body.get("disabled");
        if (disabledNode != null && !disabledNode.isBoolean()) {
            throw ApiProblem.badRequest("disabled", "disabled is true or false");
        }
        UserUpdate update = new UserUpdate(role, disabledNode == null ? null : disabledNode.booleanValue());
        if (update.isEmpty()) {
            throw ApiProblem.badRequest("body", "give role, disabled or both");
        }
        Caller caller = Authentication.caller(ctx);
        User changed = switch (users.update(username, update)) {
            case UserChange.Changed c -> c.user();
            case UserChange.NoSuchUser n -> throw ApiProblem.notFound("no user '" + n.username() + "'");
            case UserChange.LastEnabledAdmin l -> throw new ApiProblem(409, update.role() != null && update.role() != Role.ADMIN
                    ? "role" : "disabled", "'" + l.username() + "' is the last enabled admin: make another user an admin"
                    + " (or enable one) first, so that someone can still configure the service");
        };
        if (changed.disabled()) {
            sessions.endAll(username, null);
        }
        audit.record(new AuditEntry(clock.millis(), caller.username(), "user.update", username, describe(update)));
        Json.send(ctx, 200, json(changed));
    }

    private void password(Context ctx) {
        String username = ctx.pathParam("username");
        Caller caller = Authentication.caller(ctx);
        JsonNode body = Json.readObject(ctx);
        boolean own = caller.username().equals(username);
        if (!own && !caller.isAdmin()) {
            throw new ApiProblem(403, null, "setting another user's password needs the admin role; "
                    + caller.username() + " is " + caller.role().label());
        }
        String password = newPassword(body, "password");
        if (own) {
            String current = text(body, "currentPassword");
            if (current == null) {
                throw ApiProblem.badRequest("currentPassword", "changing your own password needs your current one");
            }
            LoginAttempt.Admitted attempt = guard.admit(username, ctx.ip(), "currentPassword");
            if (users.authenticate(username, current).isEmpty()) {
                guard.failed(attempt);
                audit.record(new AuditEntry(clock.millis(), caller.username(), "user.password.change-failed", username,
                        "wrong current password"));
                throw new ApiProblem(403, "currentPassword", "that is not your current password");
            }
            guard.succeeded(attempt);
        }
        if (!users.setPassword(username, password)) {
            throw ApiProblem.notFound("no user '" + username + "'");
        }
        // your own change keeps the session you made it from; an admin's reset signs the user out everywhere
        int ended = sessions.endAll(username, own ? caller.sessionId() : null);
        audit.record(new AuditEntry(clock.millis(), caller.username(), own ? "user.password.change" : "user.password.reset",
                username, ended + (own ? " other" : "") + " browser session(s) ended"));
        ctx.status(204);
    }

    private static ObjectNode json(User u) {
        ObjectNode item = Json.object();
        item.put("username", u.username());
        item.put("role", u.role().label());
        item.put("disabled", u.disabled());
        item.put("createdAt", ThreatJsonWriter.time(u.createdAtMillis()));
        if (u.lastLoginAtMillis() == null) {
            item.putNull("lastLoginAt");
        } else {
            item.put("lastLoginAt", ThreatJsonWriter.time(u.lastLoginAtMillis()));
        }
        return item;
    }

    private static String describe(UserUpdate update) {
        List<String> parts = new ArrayList<>();
        if (update.role() != null) {
            parts.add("role " + update.role().label());
        }
        if (update.disabled() != null) {
            parts.add(update.disabled() ? "disabled" : "enabled");
        }
        return String.join(", ", parts);
    }

    /** A string member, or null when absent; a 400 naming it when it is not a string. */
    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProblem.badRequest(field, field + " is a string");
        }
        return node.textValue();
    }

    private static String newPassword(JsonNode body, String field) {
        String password = text(body, field);
        if (password == null) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiProblem.badRequest(field, "a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return password;
    }

    /** The body's role, or null when it gives none. */
    private static Role role(JsonNode body) {
        String label = text(body, "role");
        if (label == null) {
            return null;
        }
        return Role.parse(label).filter(r -> r.label().equals(label)).orElseThrow(() ->
                ApiProblem.badRequest("role", "role is admin, analyst or viewer, not '" + label + "'"));
    }
}
