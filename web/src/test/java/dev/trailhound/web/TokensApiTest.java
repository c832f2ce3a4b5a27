package dev.trailhound.web;

import static dev.trailhound.web.ApiFixture.ADMIN_TOKEN;
import static dev.trailhound.web.ApiFixture.ANALYST_TOKEN;
import static dev.trailhound.web.ApiFixture.VIEWER_TOKEN;
import static dev.trailhound.web.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.store.audit.AuditEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokensApiTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private final MovableClock clock = new MovableClock(START);
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.withoutIngest(clock);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_new_token_works_at_once_is_listed_without_its_secret_and_stops_working_when_revoked() {
        HttpResponse<String> created = api.post("/api/v1/tokens", ANALYST_TOKEN, "{\"name\":\"siem export\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode token = json(created);
        String secret = token.path("token").asText();
        assertThat(secret).startsWith("th_").matches("th_[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(secret.substring(3))).hasSizeGreaterThanOrEqualTo(32);
        assertThat(token.path("name").asText()).isEqualTo("siem export");
        assertThat(token.path("username").asText()).isEqualTo("ana");
        assertThat(token.path("createdAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        long id = token.path("id").asLong();

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> me = api.get("/api/v1/me", secret);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("username").asText()).isEqualTo("ana");
        assertThat(json(me).path("role").asText()).as("a token acts with its user's role").isEqualTo("analyst");

        HttpResponse<String> list = api.get("/api/v1/tokens", ANALYST_TOKEN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(3, 20));
        List<String> names = new ArrayList<>();
        json(list).path("items").forEach(t -> {
            names.add(t.path("name").asText());
            assertThat(t.has("token")).isFalse();
        });
        assertThat(names).containsExactly("test", "siem export");
        JsonNode listed = json(list).path("items").get(1);
        assertThat(listed.path("id").asLong()).isEqualTo(id);
        assertThat(listed.path("lastUsedAt").asText()).isEqualTo("2026-03-02T09:02:00Z");

        assertThat(api.delete("/api/v1/tokens/" + id, ANALYST_TOKEN).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", secret).statusCode()).isEqualTo(401);
        assertThat(api.delete("/api/v1/tokens/" + id, ANALYST_TOKEN).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", ANALYST_TOKEN).statusCode()).as("the user's other tokens still work").isEqualTo(200);

        List<AuditEntry> audit = api.audit.latest(20);
        assertThat(audit).contains(
                new AuditEntry(START.toEpochMilli(), "ana", "token.create", Long.toString(id), "'siem export' for ana"),
                new AuditEntry(START.toEpochMilli() + 120_000, "ana", "token.revoke", Long.toString(id), "'siem export' of ana"));
        assertThat(audit).allSatisfy(e -> assertThat(e.target() + e.detail()).doesNotContain(secret.substring(3, 20)));
    }

    @Test
    void users_revoke_and_list_only_their_own_tokens_and_admins_anyones() {
        HttpResponse<String> vics = api.post("/api/v1/tokens", VIEWER_TOKEN, "{\"name\":\"vic's laptop\"}");
        long id = json(vics).path("id").asLong();
        String secret = json(vics).path("token").asText();

        HttpResponse<String> notYours = api.delete("/api/v1/tokens/" + id, ANALYST_TOKEN);
        assertThat(notYours.statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", secret).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/tokens?username=vic", ANALYST_TOKEN).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/tokens", ANALYST_TOKEN).body()).doesNotContain("vic's laptop");

        HttpResponse<String> asAdmin = api.get("/api/v1/tokens?username=vic", ADMIN_TOKEN);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("vic's laptop").doesNotContain(secret);
        assertThat(api.delete("/api/v1/tokens/" + id, ADMIN_TOKEN).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", secret).statusCode()).isEqualTo(401);
        assertThat(api.audit.latest(5)).contains(new AuditEntry(START.toEpochMilli(), "root-admin", "token.revoke",
                Long.toString(id), "'vic's laptop' of vic"));

        assertThat(api.delete("/api/v1/tokens/not-a-number", ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void a_token_needs_a_name_and_a_signed_in_caller_and_a_browser_needs_its_csrf_token() {
        HttpResponse<String> nameless = api.post("/api/v1/tokens", ANALYST_TOKEN, "{}");
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(json(nameless).path("field").asText()).isEqualTo("name");
        assertThat(api.post("/api/v1/tokens", ANALYST_TOKEN, "{\"name\":\"" + "x".repeat(257) + "\"}").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/tokens", null, "{\"name\":\"ci\"}").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", null).statusCode()).isEqualTo(401);
        assertThat(api.delete("/api/v1/tokens/1", null).statusCode()).isEqualTo(401);

        ApiFixture.Browser vic = api.login("vic", "viewer-pass");
        ApiFixture.Browser withoutCsrf = new ApiFixture.Browser(vic.cookie(), "wrong");
        assertThat(api.send(withoutCsrf, "POST", "/api/v1/tokens", "{\"name\":\"ci\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> created = api.send(vic, "POST", "/api/v1/tokens", "{\"name\":\"ci\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        assertThat(api.send(withoutCsrf, "DELETE", "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(403);
        assertThat(api.send(vic, "DELETE", "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(204);
    }
}
