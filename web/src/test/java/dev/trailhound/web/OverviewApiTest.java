package dev.trailhound.web;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static dev.trailhound.store.testing.ThreatFixtures.threat;
import static dev.trailhound.web.ApiFixture.VIEWER_TOKEN;
import static dev.trailhound.web.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.store.testing.DatabaseKind;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverviewApiTest {
    /** T0 is 2026-11-02T10:00Z; "now" is 12:30 the same day. */
    private static final InstantSource NOW = InstantSource.fixed(Instant.ofEpochMilli(T0).plusSeconds(9_000));
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(DatabaseKind.H2, (source, body, jsonLines) -> {
            throw new AssertionError("no ingest here");
        }, 1 << 20, NOW);
        api.events.storeNew(List.of(event("e1", T0, "111122223333", "GetUser")), T0);
        api.threats.upsert(threat("th-1", "111122223333", "alice", Severity.HIGH, 0, List.of("e1"), "T1098.001"), 1, false, T0);
        api.threats.upsert(threat("th-2", "111122223333", "bob", Severity.LOW, 70, List.of("e1"), "T1580"), 1, false, T0);
        api.threats.upsert(threat("th-3", "444455556666", "carol", Severity.HIGH, -3 * 24 * 60, List.of("e1"), "T1580"), 1, false, T0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static List<Long> counts(JsonNode body) {
        List<Long> counts = new ArrayList<>();
        body.path("items").forEach(i -> counts.add(i.path("count").asLong()));
        return counts;
    }

    @Test
    void the_last_day_is_24_hourly_buckets_and_the_last_week_7_daily_ones() {
        JsonNode day = json(api.get("/api/v1/overview/threats-over-time?range=day", VIEWER_TOKEN));
        assertThat(day.path("bucket").asText()).isEqualTo("hour");
        assertThat(day.path("items")).hasSize(24);
        assertThat(day.path("to").asText()).isEqualTo("2026-11-02T13:00:00Z");
        List<Long> hourly = counts(day);
        assertThat(hourly.subList(21, 24)).containsExactly(1L, 1L, 0L);   // 10:00, 11:00, 12:00
        assertThat(hourly.stream().mapToLong(Long::longValue).sum()).isEqualTo(2);

        JsonNode week = json(api.get("/api/v1/overview/threats-over-time?range=week&severity=high", VIEWER_TOKEN));
        assertThat(week.path("items")).hasSize(7);
        assertThat(week.path("items").get(6).path("start").asText()).isEqualTo("2026-11-02T00:00:00Z");
        assertThat(counts(week)).containsExactly(0L, 0L, 0L, 1L, 0L, 0L, 1L);

        assertThat(api.get("/api/v1/overview/threats-over-time?range=year", VIEWER_TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void tactics_come_in_kill_chain_order_with_zeros_and_top_accounts_most_first() {
        JsonNode tactics = json(api.get("/api/v1/overview/tactics", VIEWER_TOKEN));
        List<String> ids = new ArrayList<>();
        tactics.path("items").forEach(t -> ids.add(t.path("id").asText()));
        assertThat(ids.get(0)).isEqualTo("TA0043");
        assertThat(ids).contains("TA0003", "TA0007", "TA0040");
        tactics.path("items").forEach(t -> {
            long expected = switch (t.path("id").asText()) {
                case "TA0007" -> 2;
                case "TA0003" -> 1;
                default -> 0;
            };
            assertThat(t.path("count").asLong()).as(t.path("id").asText()).isEqualTo(expected);
        });
        JsonNode top = json(api.get("/api/v1/overview/top-accounts?tactic=Discovery", VIEWER_TOKEN));
        assertThat(top.path("items").get(0).path("accountId").asText()).isEqualTo("111122223333");
        assertThat(top.path("items").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(top.path("items")).hasSize(2);
    }
}
