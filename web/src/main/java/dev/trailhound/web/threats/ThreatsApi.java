package dev.trailhound.web.threats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.store.event.EventPage;
import dev.trailhound.store.event.EventRecord;
import dev.trailhound.store.event.EventStore;
import dev.trailhound.store.threat.StoredThreat;
import dev.trailhound.store.threat.ThreatPage;
import dev.trailhound.store.threat.ThreatSort;
import dev.trailhound.store.threat.ThreatStore;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.Caller;
import dev.trailhound.web.auth.Permission;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiRoutes;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.function.Function;

/** Threats: list with filters and cursors, one threat with its detections, its session events, suppression. */
public final class ThreatsApi implements ApiModule {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final ThreatStore threats;
    private final EventStore events;
    private final ThreatQueryParameters parameters;
    private final AuditLog audit;
    private final InstantSource clock;
    private final ThreatJson json;

    /** @param threatLink threat id to the threat page's URL (for the threat's {@code link} field) */
    public ThreatsApi(ThreatStore threats, EventStore events, ThreatQueryParameters parameters, AuditLog audit,
                      InstantSource clock, Function<String, String> threatLink) {
        this.threats = threats;
        this.events = events;
        this.parameters = parameters;
        this.audit = audit;
        this.clock = clock;
        this.json = new ThreatJson(threatLink);
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/api/v1/threats", this::list, Permission.READ);
        routes.get("/api/v1/threats/{id}", this::one, Permission.READ);
        routes.get("/api/v1/threats/{id}/events", this::sessionEvents, Permission.READ);
        routes.post("/api/v1/threats/{id}/suppress", this::suppress, Permission.TRIAGE);
        routes.post("/api/v1/threats/{id}/unsuppress", this::unsuppress, Permission.TRIAGE);
    }

    private void list(Context ctx) {
        ThreatSort sort = ThreatSort.NEWEST;
        String sortText = ctx.queryParam("sort");
        if (sortText != null && !sortText.isBlank()) {
            sort = ThreatSort.parse(sortText).orElseThrow(() -> ApiProblem.badRequest("sort",
                    "unknown sort '" + sortText + "': use -detectionTime, detectionTime, -severity or severity"));
        }
        int limit = limit(ctx);
        ThreatPage page;
        try {
            page = threats.list(parameters.parse(ctx), sort, limit, ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("cursor", e.getMessage());
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (StoredThreat t : page.items()) {
            items.add(json.of(t));
        }
        body.put("nextCursor", page.nextCursor());
        Json.send(ctx, 200, body);
    }

    /** A page size: default 50; above the maximum it is clamped, not refused. */
    static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit < 1) {
                throw ApiProblem.badRequest("limit", "limit must be at least 1");
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit", "'" + text + "' is not a whole number");
        }
    }

    private void one(Context ctx) {
        Json.send(ctx, 200, json.of(find(ctx)));
    }

    private StoredThreat find(Context ctx) {
        String id = ctx.pathParam("id");
        return threats.get(id).orElseThrow(() -> ApiProblem.notFound("no threat " + id));
    }

    private void sessionEvents(Context ctx) {
        StoredThreat threat = find(ctx);
        EventPage page;
        try {
            page = events.sessionEvents(threat.threatId(), limit(ctx), ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("cursor", e.getMessage());
        }
        String sessionId = sessionIdOf(threat);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (EventRecord e : page.items()) {
            items.add(SessionEventJson.of(e, sessionId));
        }
        body.put("nextCursor", page.nextCursor());
        Json.send(ctx, 200, body);
    }

    private static String sessionIdOf(StoredThreat threat) {
        try {
            return Json.MAPPER.readTree(threat.document()).path("sessionId").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored threat document is not JSON: " + threat.threatId(), e);
        }
    }

    private void suppress(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        String reason = Json.readObject(ctx).path("reason").asText("").trim();
        if (reason.isEmpty()) {
            throw ApiProblem.badRequest("reason", "say why the threat is suppressed (the reason is kept with it)");
        }
        StoredThreat threat = find(ctx);
        if (!threats.suppress(threat.threatId(), reason, caller.username(), clock.millis())) {
            throw new ApiProblem(409, null, "threat " + threat.threatId() + " is not open (it is " + threat.status().label() + ")");
        }
        audit.record(new AuditEntry(clock.millis(), caller.username(), "threat.suppress", threat.threatId(), reason));
        Json.send(ctx, 200, json.of(threats.get(threat.threatId()).orElseThrow()));
    }

    private void unsuppress(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        StoredThreat threat = find(ctx);
        if (!threats.unsuppress(threat.threatId(), clock.millis())) {
            throw new ApiProblem(409, null, "threat " + threat.threatId() + " is not suppressed");
        }
        audit.record(new AuditEntry(clock.millis(), caller.username(), "threat.unsuppress", threat.threatId(), null));
        Json.send(ctx, 200, json.of(threats.get(threat.threatId()).orElseThrow()));
    }
}
