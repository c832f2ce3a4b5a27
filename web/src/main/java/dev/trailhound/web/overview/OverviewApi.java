package dev.trailhound.web.overview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.threat.ThreatCount;
import dev.trailhound.store.threat.ThreatQuery;
import dev.trailhound.store.threat.ThreatStore;
import dev.trailhound.web.ApiProblem;
import dev.trailhound.web.Json;
import dev.trailhound.web.auth.Permission;
import dev.trailhound.web.threats.ThreatQueryParameters;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiRoutes;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Overview's charts: threats over time, threats by ATT&CK tactic, the accounts with most threats; all filtered like the list. */
public final class OverviewApi implements ApiModule {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    /** Most buckets one answer lists (a custom range with hourly buckets over more than 31 days is refused). */
    private static final long MAX_BUCKETS = 31 * 24;

    private final ThreatStore threats;
    private final ThreatQueryParameters parameters;
    private final AttackCatalog attack;
    private final InstantSource clock;

    public OverviewApi(ThreatStore threats, ThreatQueryParameters parameters, AttackCatalog attack, InstantSource clock) {
        this.threats = threats;
        this.parameters = parameters;
        this.attack = attack;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/api/v1/overview/threats-over-time", this::overTime, Permission.READ);
        routes.get("/api/v1/overview/tactics", this::tactics, Permission.READ);
        routes.get("/api/v1/overview/top-accounts", this::topAccounts, Permission.READ);
    }

    /**
     * range=day: the last 24 hours in hourly buckets; week or month: the last 7 or 30 days in daily (UTC) buckets; or
     * from/to instead of range (daily buckets, hourly when the span is two days or less).
     */
    private void overTime(Context ctx) {
        ThreatQuery query = parameters.parse(ctx);
        String range = ctx.queryParam("range");
        long from;
        long to;
        long bucket;
        if (query.fromMillis() != null || query.toMillis() != null) {
            if (range != null && !range.isBlank()) {
                throw ApiProblem.badRequest("range", "give range or from/to, not both");
            }
            to = query.toMillis() != null ? query.toMillis() : clock.millis();
            from = query.fromMillis() != null ? query.fromMillis() : to - 30 * DAY;
            bucket = to - from <= 2 * DAY ? HOUR : DAY;
            from = from - Math.floorMod(from, bucket);
            if ((to - from) / bucket > MAX_BUCKETS) {
                throw ApiProblem.badRequest("from", "at most " + MAX_BUCKETS + " buckets: narrow from/to");
            }
        } else {
            String r = range == null || range.isBlank() ? "week" : range.trim();
            Instant now = Instant.ofEpochMilli(clock.millis());
            switch (r) {
                case "day" -> {
                    bucket = HOUR;
                    to = now.truncatedTo(ChronoUnit.HOURS).toEpochMilli() + HOUR;
                    from = to - 24 * HOUR;
                }
                case "week", "month" -> {
                    bucket = DAY;
                    to = now.truncatedTo(ChronoUnit.DAYS).toEpochMilli() + DAY;
                    from = to - (r.equals("week") ? 7 : 30) * DAY;
                }
                default -> throw ApiProblem.badRequest("range", "unknown range '" + r + "': use day, week or month (or from/to)");
            }
        }
        ObjectNode body = Json.object();
        body.put("from", ThreatJsonWriter.time(from));
        body.put("to", ThreatJsonWriter.time(to));
        body.put("bucket", bucket == HOUR ? "hour" : "day");
        ArrayNode items = body.putArray("items");
        for (ThreatCount c : threats.countsOverTime(query.between(null, null), from, to, bucket)) {
            items.addObject().put("start", ThreatJsonWriter.time(Long.parseLong(c.key()))).put("count", c.count());
        }
        body.putNull("nextCursor");
        Json.send(ctx, 200, body);
    }

    /** Every tactic in kill-chain order with its count (0 included, so a chart's axis is stable). */
    private void tactics(Context ctx) {
        Map<String, Long> counts = new HashMap<>();
        for (ThreatCount c : threats.countsByTactic(parameters.parse(ctx))) {
            counts.put(c.key(), c.count());
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        List<Tactic> ordered = attack.sortByKillChain(attack.tactics());
        for (Tactic t : ordered) {
            items.addObject().put("id", t.id()).put("name", t.name()).put("count", counts.getOrDefault(t.id(), 0L));
        }
        body.putNull("nextCursor");
        Json.send(ctx, 200, body);
    }

    private void topAccounts(Context ctx) {
        int limit = 10;
        String text = ctx.queryParam("limit");
        if (text != null && !text.isBlank()) {
            try {
                limit = Math.min(100, Math.max(1, Integer.parseInt(text.trim())));
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("limit", "'" + text + "' is not a whole number");
            }
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (ThreatCount c : threats.topAccounts(parameters.parse(ctx), limit)) {
            items.addObject().put("accountId", c.key()).put("accountName", c.name()).put("count", c.count());
        }
        body.putNull("nextCursor");
        Json.send(ctx, 200, body);
    }
}
