package dev.trailhound.app.bench.service;

import static dev.trailhound.app.bench.service.SeededValues.any;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests the query benchmark times: the threat list under typical filters, sorts and a second page; a threat's
 * events (first page, and a later page of a large threat); each overview chart with and without filters. Filter
 * values are drawn at random from what the database holds, so rare and common values both occur.
 */
final class QueryScenarios {
    private static final String LIST = "/api/v1/threats";
    private static final String[] SEVERITIES = {"low", "medium", "high", "critical"};
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final SeededValues values;
    private final long nowMillis;
    /** Cursors of later pages of the large threats' events, gathered once (untimed). */
    private final Map<String, List<String>> eventCursors = new ConcurrentHashMap<>();

    QueryScenarios(SeededValues values, long nowMillis) {
        this.values = values;
        this.nowMillis = nowMillis;
    }

    List<QueryScenario> all() {
        List<QueryScenario> s = new ArrayList<>();
        s.add(list("no filter (open, newest first)", r -> ""));
        s.add(list("tactic", r -> "tactic=" + any(values.tactics(), r)));
        s.add(list("technique", r -> "technique=" + any(values.techniques(), r)));
        s.add(list("account", r -> "account=" + any(values.accounts(), r)));
        s.add(list("user", r -> "user=" + encode(any(values.users(), r))));
        s.add(list("asset type", r -> "assetType=" + any(values.assetTypes(), r)));
        s.add(list("severity", r -> "severity=" + SEVERITIES[r.nextInt(SEVERITIES.length)]));
        s.add(list("severity high,critical", r -> "severity=high,critical"));
        s.add(list("from/to (7 days)", r -> window(r, 7)));
        s.add(list("status=all", r -> "status=all"));
        s.add(list("sort=-severity", r -> "sort=-severity"));
        s.add(list("sort=detectionTime (oldest)", r -> "sort=detectionTime"));
        s.add(list("tactic + severity + from/to (30 days)", r -> "tactic=" + any(values.tactics(), r) + "&severity="
                + SEVERITIES[r.nextInt(SEVERITIES.length)] + "&" + window(r, 30)));
        s.add(list("account + technique + status=all", r -> "account=" + any(values.accounts(), r) + "&technique="
                + any(values.techniques(), r) + "&status=all"));
        s.add(list("tactic + sort=-severity", r -> "tactic=" + any(values.tactics(), r) + "&sort=-severity"));
        s.add(secondPage("second page (cursor)", r -> ""));
        s.add(secondPage("second page, tactic + sort=-severity", r -> "tactic=" + any(values.tactics(), r) + "&sort=-severity"));
        s.add(new QueryScenario("events", "first page (50)", (c, r) -> "/api/v1/threats/" + any(values.threats(), r) + "/events"));
        if (!values.largeThreats().isEmpty()) {
            s.add(new QueryScenario("events", "later page of a large threat (cursor)", this::laterEventsPage));
        }
        for (String range : List.of("day", "week", "month")) {
            s.add(overview("threats-over-time range=" + range, "threats-over-time", r -> "range=" + range));
        }
        s.add(overview("threats-over-time range=month + tactic + severity", "threats-over-time",
                r -> "range=month&tactic=" + any(values.tactics(), r) + "&severity=" + SEVERITIES[r.nextInt(SEVERITIES.length)]));
        s.add(overview("threats-over-time from/to (30 days)", "threats-over-time", r -> window(r, 30)));
        s.add(overview("tactics", "tactics", r -> ""));
        s.add(overview("tactics + account + from/to (30 days)", "tactics",
                r -> "account=" + any(values.accounts(), r) + "&" + window(r, 30)));
        s.add(overview("tactics status=all", "tactics", r -> "status=all"));
        s.add(overview("top-accounts", "top-accounts", r -> ""));
        s.add(overview("top-accounts + technique", "top-accounts", r -> "technique=" + any(values.techniques(), r)));
        s.add(overview("top-accounts + severity + from/to (7 days)", "top-accounts",
                r -> "severity=" + SEVERITIES[r.nextInt(SEVERITIES.length)] + "&" + window(r, 7)));
        return s;
    }

    private interface Query {
        String of(SplittableRandom random);
    }

    private static QueryScenario list(String name, Query query) {
        return new QueryScenario("threat list", name, (c, r) -> withQuery(LIST, query.of(r)));
    }

    private static QueryScenario overview(String name, String endpoint, Query query) {
        return new QueryScenario("overview", name, (c, r) -> withQuery("/api/v1/overview/" + endpoint, query.of(r)));
    }

    /** The first page is fetched untimed; the page after it is timed (or the first again when there is no second). */
    private static QueryScenario secondPage(String name, Query query) {
        return new QueryScenario("threat list", name, (c, r) -> {
            String first = withQuery(LIST, query.of(r));
            JsonNode page = c.getJson(first);
            String cursor = page.path("nextCursor").asText(null);
            return cursor == null ? first : first + (first.contains("?") ? "&" : "?") + "cursor=" + cursor;
        });
    }

    private String laterEventsPage(BenchClient client, SplittableRandom random) throws Exception {
        String threat = any(values.largeThreats(), random);
        List<String> cursors = eventCursors.get(threat);
        if (cursors == null) {
            cursors = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = client.getJson("/api/v1/threats/" + threat + "/events" + (cursor == null ? "" : "?cursor=" + cursor));
                cursor = page.path("nextCursor").asText(null);
                if (cursor != null) {
                    cursors.add(cursor);
                }
            } while (cursor != null);
            eventCursors.put(threat, cursors);
        }
        if (cursors.isEmpty()) {
            return "/api/v1/threats/" + threat + "/events";
        }
        return "/api/v1/threats/" + threat + "/events?cursor=" + any(cursors, random);
    }

    /** from/to over a random window of {@code days} days within the seeded 90. */
    private String window(SplittableRandom random, int days) {
        long to = nowMillis - random.nextLong(Math.max(1, 90 - days)) * DAY;
        return "from=" + Instant.ofEpochMilli(to - days * DAY) + "&to=" + Instant.ofEpochMilli(to);
    }

    private static String withQuery(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
