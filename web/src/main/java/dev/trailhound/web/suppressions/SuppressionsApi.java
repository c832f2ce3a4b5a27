package dev.trailhound.web.suppressions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.store.suppression.EndedSuppression;
import dev.trailhound.store.suppression.JdbcSuppressionStore;
import dev.trailhound.store.suppression.NewSuppression;
import dev.trailhound.store.suppression.ScopeType;
import dev.trailhound.store.suppression.Suppression;
import dev.trailhound.store.suppression.SuppressionPreview;
import dev.trailhound.store.suppression.SuppressionScope;
import dev.trailhound.store.threat.ThreatQuery;
import dev.trailhound.store.threat.ThreatStore;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.ApiRoutes;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.Caller;
import dev.trailhound.web.auth.Permission;
import dev.trailhound.web.threats.ThreatJson;
import dev.trailhound.web.threats.ThreatQueryParameters;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Suppression rules: list, one, preview (what a rule would suppress now, before it is saved), create (suppresses the
 * open threats it covers at once, and new ones as they come), delete (ends the rule; its threats reopen).
 */
public final class SuppressionsApi implements ApiModule {
    private static final int PREVIEW_ITEMS = 20;
    private static final int MAX_TEXT = 2048;

    private final JdbcSuppressionStore suppressions;
    private final ThreatStore threats;
    private final ThreatQueryParameters parameters;
    private final ThreatJson threatJson;
    private final AuditLog audit;
    private final InstantSource clock;

    public SuppressionsApi(JdbcSuppressionStore suppressions, ThreatStore threats, ThreatQueryParameters parameters,
                           ThreatJson threatJson, AuditLog audit, InstantSource clock) {
        this.suppressions = suppressions;
        this.threats = threats;
        this.parameters = parameters;
        this.threatJson = threatJson;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/api/v1/suppressions", this::list, Permission.READ);
        routes.post("/api/v1/suppressions", this::create, Permission.TRIAGE);
        routes.post("/api/v1/suppressions/preview", this::preview, Permission.TRIAGE);
        routes.get("/api/v1/suppressions/{id}", this::one, Permission.READ);
        routes.delete("/api/v1/suppressions/{id}", this::delete, Permission.TRIAGE);
    }

    private void list(Context ctx) {
        String state = ctx.queryParam("state");
        String wanted = state == null || state.isBlank() ? "all" : state.trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("all", "active", "expired", "deleted").contains(wanted)) {
            throw ApiProblem.badRequest("state", "unknown state '" + state + "': use active, expired, deleted or all");
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (Suppression s : suppressions.list()) {
            if (wanted.equals("all") || wanted.equals(s.state())) {
                items.add(json(s));
            }
        }
        body.putNull("nextCursor");
        Json.send(ctx, 200, body);
    }

    private void one(Context ctx) {
        Json.send(ctx, 200, json(find(ctx)));
    }

    private Suppression find(Context ctx) {
        String id = ctx.pathParam("id");
        return suppressions.get(id).orElseThrow(() -> ApiProblem.notFound("no suppression rule " + id));
    }

    private void preview(Context ctx) {
        SuppressionScope scope = scope(Json.readObject(ctx));
        SuppressionPreview preview = suppressions.preview(scope, PREVIEW_ITEMS);
        ObjectNode body = Json.object();
        body.put("matches", preview.matches());
        ArrayNode items = body.putArray("items");
        preview.threatIds().forEach(id -> threats.get(id).ifPresent(t -> items.add(threatJson.of(t))));
        Json.send(ctx, 200, body);
    }

    private void create(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        ObjectNode request = Json.readObject(ctx);
        SuppressionScope scope = scope(request);
        String reason = text(request, "reason");
        if (reason.isEmpty()) {
            throw ApiProblem.badRequest("reason", "say why these threats are suppressed (the reason is kept with each)");
        }
        String owner = text(request, "owner");
        Long expires = null;
        String expiresText = text(request, "expiresAt");
        if (!expiresText.isEmpty()) {
            try {
                expires = Instant.parse(expiresText).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("expiresAt", "'" + expiresText + "' is not an ISO-8601 instant such as 2026-12-31T00:00:00Z");
            }
            if (expires <= clock.millis()) {
                throw ApiProblem.badRequest("expiresAt", "the expiry must be in the future");
            }
        }
        long now = clock.millis();
        JdbcSuppressionStore.Created created = suppressions.create(
                new NewSuppression(scope, reason, owner.isEmpty() ? caller.username() : owner, caller.username(), expires), now);
        Suppression s = created.suppression();
        audit.record(new AuditEntry(now, caller.username(), "suppression.create", s.id(),
                describe(s) + "; " + created.suppressed() + " open threats suppressed; reason: " + reason));
        ObjectNode body = json(s);
        body.put("suppressedNow", created.suppressed());
        ctx.header("Location", "/api/v1/suppressions/" + s.id());
        Json.send(ctx, 201, body);
    }

    private void delete(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        Suppression rule = find(ctx);
        long now = clock.millis();
        EndedSuppression ended = suppressions.delete(rule.id(), caller.username(), now).orElseThrow(() ->
                new ApiProblem(409, null, "suppression rule " + rule.id() + " has already ended (" + rule.state() + ")"));
        audit.record(new AuditEntry(now, caller.username(), "suppression.delete", rule.id(),
                describe(rule) + "; " + ended.reopened() + " threats reopened"));
        ObjectNode body = json(ended.suppression());
        body.put("reopened", ended.reopened());
        Json.send(ctx, 200, body);
    }

    /** {"scope": {"type": "principal|rule|asset|account", "value": "..."} or {"type": "filter", "filter": {...}}}. */
    private SuppressionScope scope(ObjectNode request) {
        JsonNode scope = request.path("scope");
        if (!scope.isObject()) {
            throw ApiProblem.badRequest("scope", "give the rule's scope: {\"type\": \"principal\", \"value\": \"...\"}"
                    + " (types: principal, rule, asset, account, filter)");
        }
        String typeText = scope.path("type").asText("");
        ScopeType type = ScopeType.parse(typeText).orElseThrow(() -> ApiProblem.badRequest("scope.type",
                "unknown scope type '" + typeText + "': use principal, rule, asset, account or filter"));
        try {
            if (type == ScopeType.FILTER) {
                JsonNode filter = scope.path("filter");
                if (!filter.isObject()) {
                    throw ApiProblem.badRequest("scope.filter", "a filter scope takes an object of threat filters, e.g."
                            + " {\"tactic\": [\"TA0007\"], \"account\": [\"111122223333\"]}");
                }
                filter.fieldNames().forEachRemaining(name -> {
                    if (!List.of("tactic", "technique", "assetType", "account", "user", "severity").contains(name)) {
                        throw ApiProblem.badRequest("scope.filter." + name, "not a filter of a suppression: use tactic,"
                                + " technique, assetType, account, user or severity (a rule has no time range; give expiresAt)");
                    }
                });
                ThreatQuery query = parameters.filters(name -> values(filter.path(name)));
                return SuppressionScope.filter(query);
            }
            String value = scope.path("value").asText("").trim();
            if (value.isEmpty() || value.length() > MAX_TEXT) {
                throw ApiProblem.badRequest("scope.value", "a " + type.label() + " scope needs the " + type.label()
                        + " it covers (1 to " + MAX_TEXT + " characters)");
            }
            if (type == ScopeType.ACCOUNT && !value.matches("\\d{12}")) {
                throw ApiProblem.badRequest("scope.value", "an AWS account id is 12 digits, not '" + value + "'");
            }
            return SuppressionScope.of(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("scope", e.getMessage());
        }
    }

    /** A filter's values: a string (comma lists allowed) or an array of strings. */
    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            items.add(node);
        }
        for (JsonNode item : items) {
            for (String v : item.asText("").split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return values;
    }

    private static String text(ObjectNode request, String field) {
        String value = request.path(field).asText("").trim();
        if (value.length() > MAX_TEXT) {
            throw ApiProblem.badRequest(field, "at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String describe(Suppression s) {
        return s.scope().type().label() + " " + (s.scope().filter() == null ? s.scope().value() : filterJson(s.scope().filter()));
    }

    static ObjectNode json(Suppression s) {
        ObjectNode json = Json.object();
        json.put("id", s.id());
        ObjectNode scope = json.putObject("scope");
        scope.put("type", s.scope().type().label());
        if (s.scope().filter() != null) {
            scope.set("filter", filterJson(s.scope().filter()));
        } else {
            scope.put("value", s.scope().value());
        }
        json.put("reason", s.reason());
        json.put("owner", s.owner());
        json.put("createdBy", s.createdBy());
        json.put("createdAt", ThreatJsonWriter.time(s.createdAtMillis()));
        json.put("expiresAt", s.expiresAtMillis() == null ? null : ThreatJsonWriter.time(s.expiresAtMillis()));
        json.put("state", s.state());
        json.put("endedAt", s.endedAtMillis() == null ? null : ThreatJsonWriter.time(s.endedAtMillis()));
        json.put("endedBy", s.endedBy());
        json.put("hits", s.hits());
        json.put("lastHitAt", s.lastHitMillis() == null ? null : ThreatJsonWriter.time(s.lastHitMillis()));
        return json;
    }

    private static ObjectNode filterJson(ThreatQuery filter) {
        ObjectNode json = Json.object();
        put(json, "tactic", filter.tactics());
        put(json, "technique", filter.techniques());
        put(json, "assetType", filter.assetTypes());
        put(json, "account", filter.accounts());
        put(json, "user", filter.users());
        put(json, "severity", filter.severities());
        return json;
    }

    private static void put(ObjectNode json, String name, List<String> values) {
        if (!values.isEmpty()) {
            values.forEach(json.putArray(name)::add);
        }
    }
}
