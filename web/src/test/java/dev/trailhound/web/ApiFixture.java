package dev.trailhound.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.baseline.BaselineSettings;
import dev.trailhound.core.baseline.BaselineStore;
import dev.trailhound.store.Database;
import dev.trailhound.store.account.JdbcAccountStore;
import dev.trailhound.store.audit.JdbcAuditLog;
import dev.trailhound.store.event.JdbcEventStore;
import dev.trailhound.store.threat.JdbcThreatStore;
import dev.trailhound.store.user.JdbcUserStore;
import dev.trailhound.store.user.PasswordHasher;
import dev.trailhound.store.user.Role;
import dev.trailhound.store.testing.DatabaseKind;
import dev.trailhound.web.accounts.AccountsApi;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.BrowserSessions;
import dev.trailhound.web.auth.LoginApi;
import dev.trailhound.web.auth.LoginLimiter;
import dev.trailhound.web.auth.LoginLimits;
import dev.trailhound.web.auth.PasswordGuard;
import dev.trailhound.web.events.EventIntake;
import dev.trailhound.web.events.EventsApi;
import dev.trailhound.web.metrics.ServiceMetrics;
import dev.trailhound.web.overview.OverviewApi;
import dev.trailhound.store.suppression.JdbcSuppressionStore;
import dev.trailhound.web.principals.PrincipalsApi;
import dev.trailhound.web.suppressions.SuppressionsApi;
import dev.trailhound.web.threats.ThreatJson;
import dev.trailhound.web.threats.ThreatQueryParameters;
import dev.trailhound.web.threats.ThreatsApi;
import dev.trailhound.web.tokens.TokensApi;
import dev.trailhound.web.users.UsersApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/** A real API server on a free port over a fresh database, with a user and token per role. */
final class ApiFixture implements AutoCloseable {
    static final String ADMIN_TOKEN = "admin-token-0123456789";
    static final String ANALYST_TOKEN = "analyst-token-0123456789";
    static final String VIEWER_TOKEN = "viewer-token-0123456789";

    final Database database;
    final JdbcThreatStore threats;
    final JdbcEventStore events;
    final JdbcAuditLog audit;
    final JdbcSuppressionStore suppressions;
    /** Detection's baselines as the principals API sees them (empty unless a test feeds them). */
    final BaselineStore baselines = new BaselineStore();
    final JdbcUserStore users;
    final BrowserSessions sessions;
    final ApiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    ApiFixture(DatabaseKind kind, EventIntake intake, long maxBodyBytes) {
        this(kind, intake, maxBodyBytes, InstantSource.system());
    }

    /** The API on H2 for tests that post no events (an ingest fails the test), with the test's clock. */
    static ApiFixture withoutIngest(InstantSource clock) {
        return new ApiFixture(DatabaseKind.H2, (source, body, jsonLines) -> {
            throw new AssertionError("no ingest here");
        }, 1 << 20, clock);
    }

    ApiFixture(DatabaseKind kind, EventIntake intake, long maxBodyBytes, InstantSource clock) {
        database = kind.open("api");
        threats = new JdbcThreatStore(database);
        events = new JdbcEventStore(database);
        audit = new JdbcAuditLog(database);
        suppressions = new JdbcSuppressionStore(database);
        JdbcUserStore users = new JdbcUserStore(database, new PasswordHasher(1024, 1, 1));
        users.create("root-admin", "admin-pass", Role.ADMIN, 0);
        users.create("ana", "analyst-pass", Role.ANALYST, 0);
        users.create("vic", "viewer-pass", Role.VIEWER, 0);
        users.addToken("root-admin", ADMIN_TOKEN, "test", 0);
        users.addToken("ana", ANALYST_TOKEN, "test", 0);
        users.addToken("vic", VIEWER_TOKEN, "test", 0);
        this.users = users;
        sessions = new BrowserSessions(clock, Duration.ofHours(1));
        PasswordGuard guard = new PasswordGuard(new LoginLimiter(LoginLimits.standard(), clock), audit, clock);
        server = new ApiServer(new Authentication(users, sessions, clock), List.of(new LoginApi(users, sessions, guard, audit, clock),
                new UsersApi(users, sessions, guard, audit, clock), new TokensApi(users, audit, clock),
                new ThreatsApi(threats, events, new ThreatQueryParameters(AttackCatalog.v19()), audit, clock,
                        id -> "http://console.example/threats/" + id),
                new EventsApi(intake, maxBodyBytes), new AccountsApi(new JdbcAccountStore(database), audit, clock),
                new OverviewApi(threats, new ThreatQueryParameters(AttackCatalog.v19()), AttackCatalog.v19(), clock),
                new SuppressionsApi(suppressions, threats, new ThreatQueryParameters(AttackCatalog.v19()),
                        new ThreatJson(id -> "http://console.example/threats/" + id), audit, clock),
                new PrincipalsApi(id -> baselines.view(id, BaselineSettings.defaults(), 10), new JdbcAccountStore(database)),
                new ServiceMetrics(() -> 0)), maxBodyBytes)
                .start("127.0.0.1", 0);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    HttpResponse<String> put(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    HttpResponse<String> delete(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).DELETE();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /** A signed-in browser: its session cookie and CSRF token. */
    record Browser(String cookie, String csrfToken) {}

    /** Signs in as a browser does; fails the test when the sign-in does not succeed. */
    Browser login(String username, String password) {
        HttpResponse<String> login = post("/api/v1/login", null,
                Json.object().put("username", username).put("password", password).toString());
        if (login.statusCode() != 200) {
            throw new AssertionError("sign-in as " + username + " answered " + login.statusCode() + ": " + login.body());
        }
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return new Browser(setCookie.substring(0, setCookie.indexOf(';')), json(login).path("csrfToken").asText());
    }

    /** A request from a signed-in browser (with its CSRF token); {@code json} null sends no body. */
    HttpResponse<String> send(Browser browser, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Cookie", browser.cookie()).header("X-CSRF-Token", browser.csrfToken());
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
