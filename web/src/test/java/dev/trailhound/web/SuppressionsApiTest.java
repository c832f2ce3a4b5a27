package dev.trailhound.web;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static dev.trailhound.store.testing.ThreatFixtures.threat;
import static dev.trailhound.web.ApiFixture.ANALYST_TOKEN;
import static dev.trailhound.web.ApiFixture.VIEWER_TOKEN;
import static dev.trailhound.web.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SuppressionsApiTest {
    private final AtomicLong now = new AtomicLong(T0 + 3_600_000);

    private ApiFixture api(DatabaseKind kind) {
        ApiFixture api = new ApiFixture(kind, (source, body, jsonLines) -> {
            throw new AssertionError("no ingest here");
        }, 1 << 20, () -> Instant.ofEpochMilli(now.get()));
        api.events.storeNew(List.of(event("e1", T0, "111122223333", "CreateAccessKey"),
                event("e2", T0 + 1000, "111122223333", "ListBuckets"),
                event("e3", T0 + 2000, "444455556666", "ListBuckets")), T0);
        api.threats.upsert(threat("th-a", "111122223333", "alice", Severity.HIGH, 0, List.of("e1"), "T1098.001"), 1, false, T0);
        api.threats.upsert(threat("th-b", "111122223333", "bob", Severity.LOW, 10, List.of("e2"), "T1580"), 1, false, T0);
        api.threats.upsert(threat("th-c", "444455556666", "carol", Severity.LOW, 20, List.of("e3"), "T1580"), 1, false, T0);
        return api;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(t -> ids.add(t.has("threatId") ? t.path("threatId").asText() : t.path("id").asText()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void preview_then_save_a_filter_rule_then_delete_it_and_the_threats_reopen(DatabaseKind kind) {
        try (ApiFixture api = api(kind)) {
            String scope = "{\"type\": \"filter\", \"filter\": {\"tactic\": \"Discovery\", \"severity\": [\"low\"], \"account\": [\"111122223333\"]}}";
            HttpResponse<String> preview = api.post("/api/v1/suppressions/preview", ANALYST_TOKEN, "{\"scope\": " + scope + "}");
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            assertThat(json(preview).path("matches").asLong()).isEqualTo(1);
            assertThat(ids(json(preview))).containsExactly("th-b");
            assertThat(ids(json(api.get("/api/v1/threats", VIEWER_TOKEN)))).as("a preview changes nothing").contains("th-b");

            HttpResponse<String> saved = api.post("/api/v1/suppressions", ANALYST_TOKEN,
                    "{\"scope\": " + scope + ", \"reason\": \"scheduled inventory job\", \"owner\": \"platform-team\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            JsonNode rule = json(saved);
            String id = rule.path("id").asText();
            assertThat(saved.headers().firstValue("Location")).contains("/api/v1/suppressions/" + id);
            assertThat(rule.path("suppressedNow").asInt()).isEqualTo(1);
            assertThat(rule.path("hits").asLong()).isEqualTo(1);
            assertThat(rule.path("owner").asText()).isEqualTo("platform-team");
            assertThat(rule.path("createdBy").asText()).isEqualTo("ana");
            assertThat(rule.path("state").asText()).isEqualTo("active");
            assertThat(rule.path("scope").path("filter").path("tactic").get(0).asText()).as("names become ids").isEqualTo("TA0007");

            assertThat(ids(json(api.get("/api/v1/threats", VIEWER_TOKEN)))).containsExactly("th-c", "th-a");
            JsonNode b = json(api.get("/api/v1/threats/th-b", VIEWER_TOKEN));
            assertThat(b.path("status").asText()).isEqualTo("suppressed");
            assertThat(b.path("suppression").path("suppressionId").asText()).isEqualTo(id);
            assertThat(b.path("suppression").path("reason").asText()).isEqualTo("scheduled inventory job");
            assertThat(ids(json(api.get("/api/v1/suppressions?state=active", VIEWER_TOKEN)))).containsExactly(id);

            now.addAndGet(60_000);
            HttpResponse<String> deleted = api.delete("/api/v1/suppressions/" + id, ANALYST_TOKEN);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(json(deleted).path("reopened").asInt()).isEqualTo(1);
            assertThat(json(deleted).path("state").asText()).isEqualTo("deleted");
            assertThat(json(deleted).path("endedBy").asText()).isEqualTo("ana");
            assertThat(ids(json(api.get("/api/v1/threats", VIEWER_TOKEN)))).containsExactly("th-c", "th-b", "th-a");
            assertThat(api.delete("/api/v1/suppressions/" + id, ANALYST_TOKEN).statusCode()).isEqualTo(409);
            assertThat(ids(json(api.get("/api/v1/suppressions?state=active", VIEWER_TOKEN)))).isEmpty();
            assertThat(ids(json(api.get("/api/v1/suppressions?state=deleted", VIEWER_TOKEN)))).containsExactly(id);

            List<String> audited = api.audit.latest(10).stream().map(AuditEntry::action).toList();
            assertThat(audited).contains("suppression.create", "suppression.delete");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_viewer_cannot_suppress_and_bad_rules_are_refused_naming_the_field(DatabaseKind kind) {
        try (ApiFixture api = api(kind)) {
            String body = "{\"scope\": {\"type\": \"principal\", \"value\": \"alice\"}, \"reason\": \"r\"}";
            assertThat(api.post("/api/v1/suppressions", VIEWER_TOKEN, body).statusCode()).isEqualTo(403);
            assertThat(api.post("/api/v1/suppressions", null, body).statusCode()).isEqualTo(401);
            assertThat(api.get("/api/v1/suppressions", null).statusCode()).isEqualTo(401);

            assertThat(field(api.post("/api/v1/suppressions", ANALYST_TOKEN, "{\"scope\": {\"type\": \"team\", \"value\": \"x\"}, \"reason\": \"r\"}")))
                    .isEqualTo("scope.type");
            assertThat(field(api.post("/api/v1/suppressions", ANALYST_TOKEN, "{\"scope\": {\"type\": \"account\", \"value\": \"12\"}, \"reason\": \"r\"}")))
                    .isEqualTo("scope.value");
            assertThat(field(api.post("/api/v1/suppressions", ANALYST_TOKEN, "{\"scope\": {\"type\": \"principal\", \"value\": \"alice\"}}")))
                    .isEqualTo("reason");
            assertThat(field(api.post("/api/v1/suppressions", ANALYST_TOKEN, "{\"scope\": {\"type\": \"filter\", \"filter\": {}}, \"reason\": \"r\"}")))
                    .as("an empty filter would suppress everything").isEqualTo("scope");
            assertThat(field(api.post("/api/v1/suppressions", ANALYST_TOKEN, "{\"scope\": {\"type\": \"filter\", \"filter\": {\"from\": \"2026-01-01T00:00:00Z\"}}, \"reason\": \"r\"}")))
                    .isEqualTo("scope.filter.from");
            assertThat(field(api.post("/api/v1/suppressions", ANALYST_TOKEN, "{\"scope\": {\"type\": \"filter\", \"filter\": {\"tactic\": \"Sleeping\"}}, \"reason\": \"r\"}")))
                    .isEqualTo("tactic");
            assertThat(field(api.post("/api/v1/suppressions", ANALYST_TOKEN, body.replace("}", "}").replace("\"reason\": \"r\"",
                    "\"reason\": \"r\", \"expiresAt\": \"2020-01-01T00:00:00Z\"")))).isEqualTo("expiresAt");
            assertThat(api.get("/api/v1/suppressions/nope", VIEWER_TOKEN).statusCode()).isEqualTo(404);
            assertThat(ids(json(api.get("/api/v1/suppressions", VIEWER_TOKEN)))).as("nothing was saved").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_expiring_rule_shows_its_expiry_and_ends_by_itself(DatabaseKind kind) {
        try (ApiFixture api = api(kind)) {
            String expires = Instant.ofEpochMilli(now.get() + 3_600_000).toString();
            JsonNode rule = json(api.post("/api/v1/suppressions", ANALYST_TOKEN,
                    "{\"scope\": {\"type\": \"principal\", \"value\": \"carol\"}, \"reason\": \"red team week\", \"expiresAt\": \"" + expires + "\"}"));
            assertThat(rule.path("expiresAt").asText()).isEqualTo(expires);
            assertThat(json(api.get("/api/v1/threats/th-c", VIEWER_TOKEN)).path("status").asText()).isEqualTo("suppressed");

            assertThat(api.suppressions.expire(now.get() + 3_600_000)).hasSize(1);
            JsonNode after = json(api.get("/api/v1/suppressions/" + rule.path("id").asText(), VIEWER_TOKEN));
            assertThat(after.path("state").asText()).isEqualTo("expired");
            assertThat(after.path("endedAt").asText()).isEqualTo(expires);
            assertThat(json(api.get("/api/v1/threats/th-c", VIEWER_TOKEN)).path("status").asText()).isEqualTo("open");
        }
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).path("field").asText();
    }
}
