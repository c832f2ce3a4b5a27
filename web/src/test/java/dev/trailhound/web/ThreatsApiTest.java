package dev.trailhound.web;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static dev.trailhound.store.testing.ThreatFixtures.threat;
import static dev.trailhound.web.ApiFixture.ADMIN_TOKEN;
import static dev.trailhound.web.ApiFixture.ANALYST_TOKEN;
import static dev.trailhound.web.ApiFixture.VIEWER_TOKEN;
import static dev.trailhound.web.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.store.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreatsApiTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(DatabaseKind.H2, (source, body, jsonLines) -> {
            throw new AssertionError("no ingest here");
        }, 1 << 20);
        api.events.storeNew(List.of(event("e1", T0, "111122223333", "CreateAccessKey"),
                event("e2", T0 + 1000, "111122223333", "AttachUserPolicy"),
                event("e3", T0 + 2000, "444455556666", "ListBuckets")), T0);
        api.threats.upsert(threat("th-a", "111122223333", "alice", Severity.HIGH, 0, List.of("e1", "e2"), "T1098.001"), 5, false, T0);
        api.threats.upsert(threat("th-b", "444455556666", "bob", Severity.LOW, 10, List.of("e3"), "T1580"), 1, false, T0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(t -> ids.add(t.path("threatId").asText()));
        return ids;
    }

    @Test
    void lists_threats_with_the_scan_fields_and_the_service_fields() {
        HttpResponse<String> response = api.get("/api/v1/threats", VIEWER_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(ids(page)).containsExactly("th-b", "th-a");
        JsonNode a = page.path("items").get(1);
        assertThat(a.path("status").asText()).isEqualTo("open");
        assertThat(a.path("eventCount").asLong()).isEqualTo(5);
        assertThat(a.path("tactics").get(0).path("id").asText()).isEqualTo("TA0003");
        assertThat(a.path("detections").get(0).path("explanation").asText()).contains("alice");
        assertThat(a.path("link").asText()).isEqualTo("http://console.example/threats/th-a");
        assertThat(page.has("nextCursor")).isTrue();
    }

    @Test
    void filters_by_tactic_name_or_id_and_pages_with_a_cursor() {
        assertThat(ids(json(api.get("/api/v1/threats?tactic=Discovery", VIEWER_TOKEN)))).containsExactly("th-b");
        assertThat(ids(json(api.get("/api/v1/threats?tactic=TA0003,TA0007", VIEWER_TOKEN)))).containsExactly("th-b", "th-a");
        assertThat(ids(json(api.get("/api/v1/threats?user=alice&user=bob&severity=high", VIEWER_TOKEN)))).containsExactly("th-a");
        JsonNode first = json(api.get("/api/v1/threats?limit=1", VIEWER_TOKEN));
        assertThat(ids(first)).containsExactly("th-b");
        JsonNode second = json(api.get("/api/v1/threats?limit=1&cursor=" + first.path("nextCursor").asText(), VIEWER_TOKEN));
        assertThat(ids(second)).containsExactly("th-a");
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(ids(json(api.get("/api/v1/threats?limit=100000", VIEWER_TOKEN)))).hasSize(2);
    }

    @Test
    void a_bad_filter_is_a_problem_naming_the_field() {
        for (String[] c : new String[][] {
                {"/api/v1/threats?tactic=Teleportation", "tactic"},
                {"/api/v1/threats?limit=zero", "limit"},
                {"/api/v1/threats?from=yesterday", "from"},
                {"/api/v1/threats?cursor=abc", "cursor"},
                {"/api/v1/threats?sort=random", "sort"},
                {"/api/v1/threats?status=closed", "status"}}) {
            HttpResponse<String> response = api.get(c[0], VIEWER_TOKEN);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(c[0]).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(response).path("field").asText()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void a_threat_has_its_detections_and_its_session_events_with_the_raw_record() {
        JsonNode threat = json(api.get("/api/v1/threats/th-a", VIEWER_TOKEN));
        assertThat(threat.path("detections").get(0).path("title").asText()).isEqualTo("Rule for T1098.001");
        JsonNode events = json(api.get("/api/v1/threats/th-a/events?limit=1", VIEWER_TOKEN));
        assertThat(events.path("items")).hasSize(1);
        JsonNode first = events.path("items").get(0);
        assertThat(first.path("eventName").asText()).isEqualTo("CreateAccessKey");
        assertThat(first.path("sessionId").asText()).isEqualTo("session-th-a");
        assertThat(first.path("raw").path("eventID").asText()).isEqualTo("e1");
        JsonNode rest = json(api.get("/api/v1/threats/th-a/events?cursor=" + events.path("nextCursor").asText(), VIEWER_TOKEN));
        assertThat(rest.path("items").get(0).path("eventId").asText()).isEqualTo("e2");
        assertThat(api.get("/api/v1/threats/th-nope", VIEWER_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void an_analyst_suppresses_with_a_reason_and_it_is_audited_and_hidden_from_the_default_list() {
        assertThat(api.post("/api/v1/threats/th-a/suppress", ANALYST_TOKEN, "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> done = api.post("/api/v1/threats/th-a/suppress", ANALYST_TOKEN, "{\"reason\":\"red team exercise\"}");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).path("suppression").path("by").asText()).isEqualTo("ana");
        assertThat(api.post("/api/v1/threats/th-a/suppress", ANALYST_TOKEN, "{\"reason\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(ids(json(api.get("/api/v1/threats", VIEWER_TOKEN)))).containsExactly("th-b");
        assertThat(ids(json(api.get("/api/v1/threats?status=suppressed", VIEWER_TOKEN)))).containsExactly("th-a");
        assertThat(api.audit.latest(1).get(0).action()).isEqualTo("threat.suppress");
        assertThat(api.audit.latest(1).get(0).actor()).isEqualTo("ana");
        assertThat(api.post("/api/v1/threats/th-a/unsuppress", ADMIN_TOKEN, "{}").statusCode()).isEqualTo(200);
        assertThat(ids(json(api.get("/api/v1/threats", VIEWER_TOKEN)))).containsExactly("th-b", "th-a");
    }
}
