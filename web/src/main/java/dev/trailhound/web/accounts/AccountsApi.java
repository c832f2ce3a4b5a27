package dev.trailhound.web.accounts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.account.Account;
import dev.trailhound.store.account.AccountStore;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.Permission;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiRoutes;
import io.javalin.http.Context;
import java.time.InstantSource;

/** The AWS accounts seen, and their names (which the threats show). */
public final class AccountsApi implements ApiModule {
    private final AccountStore accounts;
    private final AuditLog audit;
    private final InstantSource clock;

    public AccountsApi(AccountStore accounts, AuditLog audit, InstantSource clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/api/v1/accounts", this::list, Permission.READ);
        routes.put("/api/v1/accounts/{id}", this::name, Permission.CONFIGURE);
    }

    private void list(Context ctx) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (Account a : accounts.list()) {
            ObjectNode item = items.addObject();
            item.put("accountId", a.accountId());
            item.put("name", a.name());
            item.put("firstSeen", ThreatJsonWriter.time(a.firstSeenMillis()));
        }
        body.putNull("nextCursor");
        Json.send(ctx, 200, body);
    }

    private void name(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{12}")) {
            throw ApiProblem.badRequest("id", "an AWS account id is 12 digits, not '" + id + "'");
        }
        String name = Json.readObject(ctx).path("name").asText("").trim();
        if (name.length() > 256) {
            throw ApiProblem.badRequest("name", "at most 256 characters");
        }
        accounts.name(id, name.isEmpty() ? null : name, clock.millis());
        audit.record(new AuditEntry(clock.millis(), Authentication.caller(ctx).username(), "account.name", id, name));
        ObjectNode body = Json.object();
        body.put("accountId", id);
        body.put("name", name.isEmpty() ? null : name);
        Json.send(ctx, 200, body);
    }
}
