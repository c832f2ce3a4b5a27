package dev.trailhound.web.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.store.user.ApiToken;
import dev.trailhound.store.user.UserStore;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.ApiRoutes;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.Caller;
import dev.trailhound.web.auth.Permission;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;

/**
 * API tokens for automation: any signed-in user creates and lists their own (a token acts with its user's role);
 * admins may also list and revoke anyone's. A token's secret is answered once, when it is created; the service keeps
 * only its SHA-256 digest.
 */
public final class TokensApi implements ApiModule {
    /** Marks Trailhound tokens, so that secret scanners and people recognise a leaked one. */
    static final String PREFIX = "th_";
    static final int SECRET_BYTES = 32;
    static final int MAX_NAME = 256;

    private final UserStore users;
    private final AuditLog audit;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public TokensApi(UserStore users, AuditLog audit, InstantSource clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/api/v1/tokens", this::list, Permission.READ);
        routes.post("/api/v1/tokens", this::create, Permission.READ);
        routes.delete("/api/v1/tokens/{id}", this::revoke, Permission.READ);
    }

    private void list(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        String username = ctx.queryParam("username");
        if (username == null || username.isEmpty()) {
            username = caller.username();
        } else if (!username.equals(caller.username()) && !caller.isAdmin()) {
            throw new ApiProblem(403, "username", "listing another user's tokens needs the admin role; "
                    + caller.username() + " is " + caller.role().label());
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        users.tokens(username).forEach(t -> items.add(json(t)));
        body.putNull("nextCursor");
        Json.send(ctx, 200, body);
    }

    private void create(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        JsonNode nameNode = Json.readObject(ctx).get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw ApiProblem.badRequest("name", "name is required: what the token is for (\"ci\", \"siem export\")");
        }
        String name = nameNode.textValue().trim();
        if (name.length() > MAX_NAME) {
            throw ApiProblem.badRequest("name", "at most " + MAX_NAME + " characters");
        }
        String secret = newSecret();
        ApiToken token = users.addToken(caller.username(), secret, name, clock.millis());
        audit.record(new AuditEntry(clock.millis(), caller.username(), "token.create", Long.toString(token.id()),
                "'" + name + "' for " + caller.username()));
        ObjectNode body = json(token);
        body.put("token", secret);
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, 201, body);
    }

    private void revoke(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        // someone else's token is as absent as a missing one to a non-admin: ids are not a way to learn of tokens
        Optional<ApiToken> token = parseId(id).flatMap(users::token)
                .filter(t -> caller.isAdmin() || t.username().equals(caller.username()));
        if (token.isEmpty() || !users.revokeToken(token.get().id())) {
            throw ApiProblem.notFound("no token " + id + (caller.isAdmin() ? "" : " of " + caller.username()));
        }
        audit.record(new AuditEntry(clock.millis(), caller.username(), "token.revoke", id,
                "'" + token.get().name() + "' of " + token.get().username()));
        ctx.status(204);
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** 256 random bits, URL-safe, after the prefix. */
    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ObjectNode json(ApiToken t) {
        ObjectNode item = Json.object();
        item.put("id", t.id());
        item.put("name", t.name());
        item.put("username", t.username());
        item.put("createdAt", ThreatJsonWriter.time(t.createdAtMillis()));
        if (t.lastUsedAtMillis() == null) {
            item.putNull("lastUsedAt");
        } else {
            item.put("lastUsedAt", ThreatJsonWriter.time(t.lastUsedAtMillis()));
        }
        return item;
    }
}
