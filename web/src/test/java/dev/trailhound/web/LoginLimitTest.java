package dev.trailhound.web;

import static dev.trailhound.web.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.store.audit.AuditEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginLimitTest {
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

    private HttpResponse<String> login(String username, String password) {
        return api.post("/api/v1/login", null, Json.object().put("username", username).put("password", password).toString());
    }

    @Test
    void the_sixth_attempt_for_a_username_is_refused_with_retry_after_even_with_the_right_password() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("ana", "guess " + i).statusCode()).isEqualTo(401);
            clock.advance(Duration.ofSeconds(10));
        }
        HttpResponse<String> refused = login("ana", "analyst-pass");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // locked until the first failure is 15 minutes old: 09:15:00, and it is 09:00:50 now
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("850");
        assertThat(json(refused).path("retryAt").asText()).isEqualTo("2026-03-02T09:15:00Z");
        assertThat(json(refused).path("retryAfterSeconds").asLong()).isEqualTo(850);
        assertThat(json(refused).path("field").asText()).isEqualTo("username");
        assertThat(json(refused).path("detail").asText()).contains("try again after 2026-03-02T09:15:00Z");
        assertThat(api.audit.latest(50)).extracting(AuditEntry::action).as("the refused attempt is not a sign-in")
                .doesNotContain("login");

        clock.advance(Duration.ofSeconds(849));
        HttpResponse<String> stillRefused = login("ana", "analyst-pass");
        assertThat(stillRefused.statusCode()).isEqualTo(429);
        assertThat(stillRefused.headers().firstValue("Retry-After")).hasValue("1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(login("ana", "analyst-pass").statusCode()).isEqualTo(200);
        assertThat(api.audit.latest(50)).filteredOn(e -> e.action().equals("login.locked")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("ana");
            assertThat(e.atMillis()).isEqualTo(START.plusSeconds(40).toEpochMilli());
            assertThat(e.detail()).contains("5 failed sign-ins").contains("refused until 2026-03-02T09:15:00Z");
        });
    }

    @Test
    void a_lockout_is_per_username_and_a_success_clears_the_usernames_failures() {
        for (int i = 0; i < 5; i++) {
            login("ana", "guess " + i);
        }
        assertThat(login("ana", "analyst-pass").statusCode()).isEqualTo(429);
        assertThat(login("ANA", "analyst-pass").statusCode()).as("the same name in other case").isEqualTo(429);
        assertThat(login("vic", "viewer-pass").statusCode()).as("another user signs in").isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(login("vic", "guess " + i).statusCode()).isEqualTo(401);
        }
        assertThat(login("vic", "viewer-pass").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(login("vic", "guess " + i).statusCode()).isEqualTo(401);
        }
        assertThat(login("vic", "viewer-pass").statusCode()).as("4 failures since the success: not locked").isEqualTo(200);
    }

    @Test
    void twenty_failures_from_one_address_lock_it_for_every_username() {
        for (int i = 0; i < 20; i++) {
            assertThat(login("user" + (i % 5), "guess").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = login("vic", "viewer-pass");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(json(refused).has("field")).as("no field: the address is locked").isFalse();
        assertThat(json(refused).path("detail").asText()).contains("from this address");
        assertThat(api.audit.latest(100)).filteredOn(e -> e.action().equals("login.locked")).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("127.0.0.1"));

        clock.advance(Duration.ofMinutes(15));
        assertThat(login("vic", "viewer-pass").statusCode()).isEqualTo(200);
    }

    @Test
    void many_attempts_at_once_are_counted_before_their_passwords_are_checked() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                answers.add(pool.submit(() -> login("ana", "guess " + n).statusCode()));
            }
            int checked = 0;
            for (java.util.concurrent.Future<Integer> a : answers) {
                checked += a.get() == 401 ? 1 : 0;
            }
            assertThat(checked).as("at most 5 passwords were tried").isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
