package dev.trailhound.web;

import static dev.trailhound.web.ApiFixture.ADMIN_TOKEN;
import static dev.trailhound.web.ApiFixture.ANALYST_TOKEN;
import static dev.trailhound.web.ApiFixture.VIEWER_TOKEN;
import static dev.trailhound.web.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.store.audit.AuditEntry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersApiTest {
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
    void viewers_and_analysts_cannot_manage_users_and_an_unauthenticated_request_gets_401() {
        String create = "{\"username\":\"mallory\",\"role\":\"admin\",\"password\":\"a long enough password\"}";
        for (String token : List.of(VIEWER_TOKEN, ANALYST_TOKEN)) {
            assertThat(api.get("/api/v1/users", token).statusCode()).isEqualTo(403);
            assertThat(api.post("/api/v1/users", token, create).statusCode()).isEqualTo(403);
            assertThat(api.put("/api/v1/users/ana", token, "{\"role\":\"admin\"}").statusCode()).isEqualTo(403);
            HttpResponse<String> reset = api.post("/api/v1/users/root-admin/password", token, "{\"password\":\"taken over at last\"}");
            assertThat(reset.statusCode()).isEqualTo(403);
            assertThat(json(reset).path("detail").asText()).contains("admin");
        }
        assertThat(api.get("/api/v1/users", null).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/users", null, create).statusCode()).isEqualTo(401);
        assertThat(api.put("/api/v1/users/ana", null, "{\"role\":\"admin\"}").statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/users/ana/password", null, "{\"password\":\"a long enough password\"}").statusCode()).isEqualTo(401);
        assertThat(api.users.find("mallory")).isEmpty();
        assertThat(api.users.find("ana").orElseThrow().role().label()).isEqualTo("analyst");
        assertThat(api.audit.latest(50)).extracting(AuditEntry::action).doesNotContain("user.create", "user.update", "user.password.reset");
    }

    @Test
    void an_admin_creates_lists_and_changes_users_and_each_change_is_audited_without_the_password() {
        HttpResponse<String> created = api.post("/api/v1/users", ADMIN_TOKEN,
                "{\"username\":\"carol\",\"role\":\"analyst\",\"password\":\"carol's long password\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode carol = json(created);
        assertThat(carol.path("username").asText()).isEqualTo("carol");
        assertThat(carol.path("role").asText()).isEqualTo("analyst");
        assertThat(carol.path("disabled").asBoolean(true)).isFalse();
        assertThat(carol.path("createdAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(carol.path("lastLoginAt").isNull()).isTrue();

        clock.advance(java.time.Duration.ofMinutes(5));
        api.login("carol", "carol's long password");
        HttpResponse<String> list = api.get("/api/v1/users", ADMIN_TOKEN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("carol's long password").doesNotContain("argon2").doesNotContain("password");
        List<String> names = new ArrayList<>();
        json(list).path("items").forEach(u -> names.add(u.path("username").asText()));
        assertThat(names).containsExactly("ana", "carol", "root-admin", "vic");
        JsonNode listed = json(list).path("items").get(1);
        assertThat(listed.path("lastLoginAt").asText()).isEqualTo("2026-03-02T09:05:00Z");

        HttpResponse<String> promoted = api.put("/api/v1/users/carol", ADMIN_TOKEN, "{\"role\":\"admin\"}");
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(json(promoted).path("role").asText()).isEqualTo("admin");
        assertThat(api.put("/api/v1/users/nobody", ADMIN_TOKEN, "{\"role\":\"admin\"}").statusCode()).isEqualTo(404);

        List<AuditEntry> audit = api.audit.latest(50);
        assertThat(audit).contains(
                new AuditEntry(START.toEpochMilli(), "root-admin", "user.create", "carol", "role analyst"),
                new AuditEntry(START.toEpochMilli() + 300_000, "root-admin", "user.update", "carol", "role admin"));
        assertThat(audit).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("carol's long password"));
    }

    @Test
    void creating_a_user_names_the_field_at_fault_and_an_existing_name_is_a_conflict() {
        assertProblem(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"Carol\",\"role\":\"analyst\",\"password\":\"long enough pass\"}"), 400, "username");
        assertProblem(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"\",\"role\":\"analyst\",\"password\":\"long enough pass\"}"), 400, "username");
        assertProblem(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"carol smith\",\"role\":\"analyst\",\"password\":\"long enough pass\"}"), 400, "username");
        assertProblem(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"carol\",\"role\":\"owner\",\"password\":\"long enough pass\"}"), 400, "role");
        assertProblem(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"carol\",\"password\":\"long enough pass\"}"), 400, "role");
        assertProblem(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"carol\",\"role\":\"viewer\",\"password\":\"11 letters!\"}"), 400, "password");
        assertProblem(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"carol\",\"role\":\"viewer\",\"password\":123456789012345}"), 400, "password");
        assertThat(api.users.find("carol")).isEmpty();
        assertThat(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"carol.s@example.com\",\"role\":\"viewer\",\"password\":\"twelve chars\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> again = api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"ana\",\"role\":\"viewer\",\"password\":\"long enough pass\"}");
        assertProblem(again, 409, "username");
        assertThat(api.users.find("ana").orElseThrow().role().label()).as("the existing user is untouched").isEqualTo("analyst");

        assertProblem(api.put("/api/v1/users/ana", ADMIN_TOKEN, "{}"), 400, "body");
        assertProblem(api.put("/api/v1/users/ana", ADMIN_TOKEN, "{\"disabled\":\"yes\"}"), 400, "disabled");
        assertProblem(api.put("/api/v1/users/ana", ADMIN_TOKEN, "{\"role\":\"ADMIN\"}"), 400, "role");
    }

    @Test
    void the_last_enabled_admin_can_be_neither_demoted_nor_disabled() {
        HttpResponse<String> demote = api.put("/api/v1/users/root-admin", ADMIN_TOKEN, "{\"role\":\"analyst\"}");
        assertProblem(demote, 409, "role");
        assertThat(json(demote).path("detail").asText()).contains("last enabled admin");
        HttpResponse<String> disable = api.put("/api/v1/users/root-admin", ADMIN_TOKEN, "{\"disabled\":true}");
        assertProblem(disable, 409, "disabled");
        assertThat(api.get("/api/v1/users", ADMIN_TOKEN).statusCode()).as("still an admin").isEqualTo(200);

        // a disabled second admin does not help
        api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"bob\",\"role\":\"admin\",\"password\":\"bob's long password\"}");
        assertThat(api.put("/api/v1/users/bob", ADMIN_TOKEN, "{\"disabled\":true}").statusCode()).isEqualTo(200);
        assertProblem(api.put("/api/v1/users/root-admin", ADMIN_TOKEN, "{\"role\":\"viewer\"}"), 409, "role");
        // an enabled one does
        assertThat(api.put("/api/v1/users/bob", ADMIN_TOKEN, "{\"disabled\":false}").statusCode()).isEqualTo(200);
        HttpResponse<String> stepDown = api.put("/api/v1/users/root-admin", ADMIN_TOKEN, "{\"role\":\"viewer\"}");
        assertThat(stepDown.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", ADMIN_TOKEN).statusCode()).as("the token acts with the new role at once").isEqualTo(403);
    }

    @Test
    void a_disabled_users_token_and_browser_session_stop_working_at_once_and_it_cannot_sign_in() {
        ApiFixture.Browser ana = api.login("ana", "analyst-pass");
        assertThat(api.send(ana, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", ANALYST_TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = api.put("/api/v1/users/ana", ADMIN_TOKEN, "{\"disabled\":true}");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).path("disabled").asBoolean()).isTrue();

        assertThat(api.get("/api/v1/me", ANALYST_TOKEN).statusCode()).isEqualTo(401);
        assertThat(api.send(ana, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/login", null, "{\"username\":\"ana\",\"password\":\"analyst-pass\"}").statusCode()).isEqualTo(401);

        // enabled again: the token works again, the ended browser session does not come back
        assertThat(api.put("/api/v1/users/ana", ADMIN_TOKEN, "{\"disabled\":false}").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", ANALYST_TOKEN).statusCode()).isEqualTo(200);
        assertThat(api.send(ana, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(api.audit.latest(20)).contains(new AuditEntry(START.toEpochMilli(), "root-admin", "user.update", "ana", "disabled"));
    }

    @Test
    void a_demoted_users_browser_session_has_the_new_role_on_its_next_request() {
        api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\":\"bob\",\"role\":\"admin\",\"password\":\"bob's long password\"}");
        ApiFixture.Browser bob = api.login("bob", "bob's long password");
        assertThat(api.send(bob, "GET", "/api/v1/users", null).statusCode()).isEqualTo(200);
        api.put("/api/v1/users/bob", ADMIN_TOKEN, "{\"role\":\"viewer\"}");
        assertThat(api.send(bob, "GET", "/api/v1/users", null).statusCode()).isEqualTo(403);
        assertThat(json(api.send(bob, "GET", "/api/v1/me", null)).path("role").asText()).isEqualTo("viewer");
    }

    @Test
    void changing_ones_own_password_needs_the_current_one_and_ends_ones_other_sessions() {
        ApiFixture.Browser here = api.login("ana", "analyst-pass");
        ApiFixture.Browser elsewhere = api.login("ana", "analyst-pass");

        assertProblem(api.send(here, "POST", "/api/v1/users/ana/password", "{\"password\":\"ana's new long password\"}"), 400, "currentPassword");
        assertProblem(api.send(here, "POST", "/api/v1/users/ana/password",
                "{\"currentPassword\":\"not it\",\"password\":\"ana's new long password\"}"), 403, "currentPassword");
        assertProblem(api.send(here, "POST", "/api/v1/users/ana/password",
                "{\"currentPassword\":\"analyst-pass\",\"password\":\"short\"}"), 400, "password");
        assertThat(api.send(elsewhere, "GET", "/api/v1/me", null).statusCode()).as("nothing changed yet").isEqualTo(200);

        HttpResponse<String> changed = api.send(here, "POST", "/api/v1/users/ana/password",
                "{\"currentPassword\":\"analyst-pass\",\"password\":\"ana's new long password\"}");
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(api.send(here, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        assertThat(api.send(elsewhere, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/login", null, "{\"username\":\"ana\",\"password\":\"analyst-pass\"}").statusCode()).isEqualTo(401);
        api.login("ana", "ana's new long password");
        assertThat(api.get("/api/v1/me", ANALYST_TOKEN).statusCode()).as("tokens are not sessions").isEqualTo(200);

        assertThat(api.audit.latest(20)).contains(
                new AuditEntry(START.toEpochMilli(), "ana", "user.password.change", "ana", "1 other browser session(s) ended"),
                new AuditEntry(START.toEpochMilli(), "ana", "user.password.change-failed", "ana", "wrong current password"));
        assertThat(api.audit.latest(50)).allSatisfy(e -> assertThat(String.valueOf(e.detail()) + e.target())
                .doesNotContain("analyst-pass").doesNotContain("new long password"));
    }

    @Test
    void wrong_current_passwords_count_towards_the_sign_in_limit() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/users/ana/password", ANALYST_TOKEN,
                    "{\"currentPassword\":\"guess " + i + "\",\"password\":\"ana's new long password\"}").statusCode()).isEqualTo(403);
        }
        HttpResponse<String> refused = api.post("/api/v1/users/ana/password", ANALYST_TOKEN,
                "{\"currentPassword\":\"analyst-pass\",\"password\":\"ana's new long password\"}");
        assertProblem(refused, 429, "currentPassword");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(api.post("/api/v1/login", null, "{\"username\":\"ana\",\"password\":\"analyst-pass\"}").statusCode())
                .as("the password was not changed, and sign-in is locked too").isEqualTo(429);
    }

    @Test
    void an_admin_resets_a_password_without_the_current_one_and_the_users_sessions_end() {
        ApiFixture.Browser ana = api.login("ana", "analyst-pass");
        assertThat(api.post("/api/v1/users/ana/password", ADMIN_TOKEN, "{\"password\":\"reset by the admin\"}").statusCode()).isEqualTo(204);
        assertThat(api.send(ana, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        api.login("ana", "reset by the admin");
        assertThat(api.post("/api/v1/users/nobody/password", ADMIN_TOKEN, "{\"password\":\"reset by the admin\"}").statusCode()).isEqualTo(404);
        assertThat(api.audit.latest(20)).contains(
                new AuditEntry(START.toEpochMilli(), "root-admin", "user.password.reset", "ana", "1 browser session(s) ended"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(response).path("field").asText()).as(response.body()).isEqualTo(field);
    }
}
