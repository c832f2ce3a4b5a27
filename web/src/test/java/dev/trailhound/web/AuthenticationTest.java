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
import dev.trailhound.store.testing.DatabaseKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(DatabaseKind.H2, (source, body, jsonLines) -> {
            throw new AssertionError("no ingest here");
        }, 1 << 20);
        api.events.storeNew(List.of(event("e1", T0, "111122223333", "CreateAccessKey")), T0);
        api.threats.upsert(threat("th-a", "111122223333", "alice", Severity.HIGH, 0, List.of("e1"), "T1098.001"), 1, false, T0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void an_unauthenticated_request_gets_401_and_health_needs_no_sign_in() {
        HttpResponse<String> response = api.get("/api/v1/threats", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("detail").asText()).contains("Bearer");
        assertThat(api.get("/api/v1/threats", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_viewer_reads_but_cannot_suppress_ingest_or_configure() {
        assertThat(api.get("/api/v1/threats", VIEWER_TOKEN).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/threats/th-a/suppress", VIEWER_TOKEN, "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/events", VIEWER_TOKEN, "{\"Records\":[]}").statusCode()).isEqualTo(403);
        HttpResponse<String> rename = api.send(HttpRequest.newBuilder(api.uri("/api/v1/accounts/111122223333"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"prod\"}")).header("Authorization", "Bearer " + VIEWER_TOKEN));
        assertThat(rename.statusCode()).isEqualTo(403);
        assertThat(json(rename).path("detail").asText()).contains("admin");
        // an analyst triages but does not configure
        assertThat(api.post("/api/v1/threats/th-a/suppress", ANALYST_TOKEN, "{\"reason\":\"x\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void a_browser_session_needs_its_csrf_token_for_changes_and_bearer_requests_do_not() {
        HttpResponse<String> wrong = api.post("/api/v1/login", null, "{\"username\":\"ana\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> login = api.post("/api/v1/login", null, "{\"username\":\"ana\",\"password\":\"analyst-pass\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = json(login).path("csrfToken").asText();
        assertThat(csrf).hasSizeGreaterThan(20);

        HttpResponse<String> me = api.send(HttpRequest.newBuilder(api.uri("/api/v1/me")).header("Cookie", cookie));
        assertThat(json(me).path("username").asText()).isEqualTo("ana");

        HttpRequest.Builder withoutToken = HttpRequest.newBuilder(api.uri("/api/v1/threats/th-a/suppress"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")).header("Cookie", cookie);
        HttpResponse<String> refused = api.send(withoutToken);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("field").asText()).isEqualTo("X-CSRF-Token");

        HttpResponse<String> accepted = api.send(HttpRequest.newBuilder(api.uri("/api/v1/threats/th-a/suppress"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")).header("Cookie", cookie).header("X-CSRF-Token", csrf));
        assertThat(accepted.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = api.send(HttpRequest.newBuilder(api.uri("/api/v1/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Cookie", cookie).header("X-CSRF-Token", csrf));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v1/me")).header("Cookie", cookie)).statusCode()).isEqualTo(401);
        assertThat(api.audit.latest(10)).extracting(dev.trailhound.store.audit.AuditEntry::action).contains("login", "login-failed", "threat.suppress");
    }
}
