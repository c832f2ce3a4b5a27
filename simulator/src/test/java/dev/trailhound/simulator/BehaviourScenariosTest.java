package dev.trailhound.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two simulated weeks, small: the scenarios that only a behavioural baseline can judge, and the habits they rest on. */
class BehaviourScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final long DAY = 86_400;
    private static final List<String> ATTACKS = List.of("stolen-analyst-key-reads-secrets", "ci-deploy-role-reads-secrets",
            "dormant-contractor-key-returns");
    private static final List<String> TRAPS = List.of("new-hire-first-week", "weekly-terraform-apply", "nightly-scanner-access-denied");
    private static final String PROD = "333344445555";

    @TempDir
    static Path dir;
    static final Map<String, JsonNode> scenarios = new LinkedHashMap<>();
    static final List<JsonNode> records = new ArrayList<>();

    @BeforeAll
    static void simulateTwoWeeks() throws IOException {
        Simulator.run(new SimulationOptions(START, 14, 7, 40_000, true, 24 * 60, false, 1.0), dir);
        JSON.readTree(dir.resolve("labels.json").toFile()).path("scenarios").forEach(s -> scenarios.put(s.path("id").asText(), s));
        for (Path file : SimulatorTest.files(dir.resolve("AWSLogs"))) {
            SimulatorTest.gunzip(file).path("Records").forEach(records::add);
        }
    }

    @Test
    void the_behavioural_attacks_are_labelled_for_baselines_and_come_in_the_last_quarter_after_a_week_of_habits() {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.path("eventID").asText()));
        for (String id : ATTACKS) {
            JsonNode s = scenarios.get(id);
            assertThat(s).as(id).isNotNull();
            assertThat(s.path("kind").asText()).isEqualTo("attack");
            assertThat(s.path("signal").asText()).isEqualTo("behaviour");
            assertThat(time(s, "start")).as(id).isAfterOrEqualTo(START.plusSeconds(7 * DAY))
                    .isAfterOrEqualTo(START.plusSeconds(14 * DAY * 3 / 4));
            assertThat(time(s, "end")).isBefore(START.plusSeconds(14 * DAY));
            assertThat(s.path("keyEventIds").size()).isPositive();
            assertThat(s.path("tactics").size()).isPositive();
            s.path("eventIds").forEach(e -> assertThat(ids).as(id).contains(e.asText()));
        }
    }

    @Test
    void the_earlier_scenarios_are_labelled_for_rules_and_the_routine_traps_for_baselines() {
        scenarios.forEach((id, s) -> {
            if (!ATTACKS.contains(id) && !TRAPS.contains(id)) {
                assertThat(s.path("signal").asText()).as(id).isEqualTo("rules");
            }
        });
        for (String id : TRAPS) {
            JsonNode s = scenarios.get(id);
            assertThat(s.path("kind").asText()).as(id).isEqualTo("benign");
            assertThat(s.path("signal").asText()).as(id).isEqualTo("behaviour");
            assertThat(s.path("principalArns").size()).as(id).isPositive();
        }
        assertThat(time(scenarios.get("new-hire-first-week"), "start")).as("joins in the second week")
                .isEqualTo(START.plusSeconds(7 * DAY));
        for (String id : List.of("weekly-terraform-apply", "nightly-scanner-access-denied")) {
            assertThat(time(scenarios.get(id), "start")).as(id + " is seen while baselines learn").isBefore(START.plusSeconds(2 * DAY));
            assertThat(time(scenarios.get(id), "end")).as(id + " and after").isAfter(START.plusSeconds(8 * DAY));
        }
    }

    @Test
    void the_dormant_contractor_is_silent_from_the_end_of_its_engagement_until_its_key_returns() {
        JsonNode label = scenarios.get("dormant-contractor-key-returns");
        List<Instant> times = times(r -> r.path("userIdentity").path("arn").asText().endsWith(":user/" + KeyUsers.CONTRACTOR));
        Instant engagementEnd = START.plusSeconds(KeyUsers.CONTRACTOR_DAYS * DAY);

        assertThat(times).filteredOn(t -> t.isBefore(engagementEnd)).as("works in the first days").hasSizeGreaterThan(20);
        assertThat(times).filteredOn(t -> !t.isBefore(engagementEnd)).as("then only the stolen key's calls")
                .allSatisfy(t -> assertThat(t).isBetween(time(label, "start"), time(label, "end").plusSeconds(60)))
                .hasSizeGreaterThanOrEqualTo(label.path("eventIds").size());
    }

    @Test
    void the_stolen_analyst_key_leaves_a_steady_habit_of_two_addresses_one_client_and_office_hours() {
        JsonNode label = scenarios.get("stolen-analyst-key-reads-secrets");
        Set<String> attack = eventIds(label);
        List<JsonNode> habit = select(r -> r.path("userIdentity").path("arn").asText().endsWith(":user/" + KeyUsers.ANALYST)
                && !attack.contains(r.path("eventID").asText()) && r.path("userIdentity").path("invokedBy").isMissingNode());
        List<JsonNode> stolen = select(r -> attack.contains(r.path("eventID").asText()));

        assertThat(habit.size()).as("the analyst's routine events").isGreaterThan(100);
        Set<String> addresses = new HashSet<>();
        habit.forEach(r -> addresses.add(r.path("sourceIPAddress").asText()));
        assertThat(addresses).hasSizeLessThanOrEqualTo(2);
        assertThat(habit).allSatisfy(r -> {
            assertThat(r.path("userAgent").asText()).startsWith(UserAgents.CLI_WINDOWS);
            Instant t = Instant.parse(r.path("eventTime").asText());
            assertThat(t.atZone(ZoneOffset.UTC).getHour()).isBetween(7, 17);
            assertThat(t.atZone(ZoneOffset.UTC).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
        assertThat(stolen.size()).isEqualTo(label.path("eventIds").size());
        assertThat(stolen).allSatisfy(r -> {
            assertThat(addresses).doesNotContain(r.path("sourceIPAddress").asText());
            assertThat(r.path("userAgent").asText()).startsWith("python-requests/");
            assertThat(Instant.parse(r.path("eventTime").asText()).atZone(ZoneOffset.UTC).getHour()).isLessThan(7);
        });
    }

    @Test
    void the_ci_role_reaches_services_and_regions_its_routine_never_uses_from_a_runner_like_its_own() {
        Set<String> attack = eventIds(scenarios.get("ci-deploy-role-reads-secrets"));
        Predicate<JsonNode> deployRole = r -> r.path("userIdentity").path("arn").asText()
                .startsWith("arn:aws:sts::" + PROD + ":assumed-role/github-actions-deploy/")
                && r.path("userIdentity").path("invokedBy").isMissingNode();
        List<JsonNode> routine = select(deployRole.and(r -> !attack.contains(r.path("eventID").asText())));
        List<JsonNode> stolen = select(deployRole.and(r -> attack.contains(r.path("eventID").asText())));

        Set<String> routineServices = new HashSet<>();
        Set<String> routineNetworks = new HashSet<>();
        routine.forEach(r -> {
            routineServices.add(r.path("eventSource").asText());
            routineNetworks.add(slash16(r.path("sourceIPAddress").asText()));
            assertThat(r.path("awsRegion").asText()).isEqualTo("us-east-1");
        });
        assertThat(routine.size()).as("the role's routine events").isGreaterThan(20);
        assertThat(routineServices).doesNotContain("iam.amazonaws.com", "secretsmanager.amazonaws.com");
        assertThat(stolen).extracting(r -> r.path("eventSource").asText()).contains("iam.amazonaws.com",
                "secretsmanager.amazonaws.com");
        assertThat(stolen).extracting(r -> r.path("awsRegion").asText()).contains("us-west-2", "eu-west-1");
        assertThat(stolen).allSatisfy(r -> assertThat(routineNetworks).contains(slash16(r.path("sourceIPAddress").asText())));
    }

    @Test
    void the_weekly_apply_starts_at_nearly_the_same_time_each_week_and_the_scanner_is_denied_every_week() {
        List<Instant> runs = times(r -> r.path("eventName").asText().equals("AssumeRoleWithWebIdentity")
                && r.path("requestParameters").path("roleArn").asText().equals("arn:aws:iam::" + PROD + ":role/terraform-apply"));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1)).isBetween(runs.get(0).plusSeconds(7 * DAY - 300), runs.get(0).plusSeconds(7 * DAY + 300));

        List<JsonNode> scans = select(r -> r.path("userIdentity").path("arn").asText().contains(":assumed-role/cspm-readonly-scanner/"));
        List<JsonNode> denied = scans.stream().filter(r -> r.path("errorCode").asText().startsWith("AccessDenied")).toList();
        assertThat(denied.size()).as("a storm, not the odd refusal").isGreaterThan(scans.size() / 10);
        assertThat(denied).anySatisfy(r -> assertThat(Instant.parse(r.path("eventTime").asText())).isBefore(START.plusSeconds(7 * DAY)))
                .anySatisfy(r -> assertThat(Instant.parse(r.path("eventTime").asText())).isAfter(START.plusSeconds(7 * DAY)));
    }

    private static Instant time(JsonNode label, String field) {
        return Instant.parse(label.path(field).asText());
    }

    private static Set<String> eventIds(JsonNode label) {
        Set<String> ids = new HashSet<>();
        label.path("eventIds").forEach(e -> ids.add(e.asText()));
        return ids;
    }

    private static List<JsonNode> select(Predicate<JsonNode> which) {
        return records.stream().filter(which).toList();
    }

    private static List<Instant> times(Predicate<JsonNode> which) {
        return select(which).stream().map(r -> Instant.parse(r.path("eventTime").asText())).sorted().toList();
    }

    private static String slash16(String address) {
        String[] octets = address.split("\\.");
        return octets.length < 2 ? address : octets[0] + "." + octets[1];
    }
}
