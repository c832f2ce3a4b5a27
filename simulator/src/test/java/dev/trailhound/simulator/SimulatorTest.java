package dev.trailhound.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOG_FILE = Pattern.compile(
            "AWSLogs/o-a1b2c3d4e5/(\\d{12})/CloudTrail/([a-z]{2}-[a-z]+-\\d)/(\\d{4})/(\\d{2})/(\\d{2})/"
                    + "\\1_CloudTrail_\\2_\\3\\4\\5T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz");
    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    @TempDir
    static Path dir;
    static SimulationSummary summary;
    static List<JsonNode> records = new ArrayList<>();
    static List<String> paths = new ArrayList<>();

    @BeforeAll
    static void simulateTwoDays() throws IOException {
        summary = Simulator.run(new SimulationOptions(START, 2, 11, 0, true), dir.resolve("a"));
        for (Path file : files(dir.resolve("a"))) {
            String relative = dir.resolve("a").relativize(file).toString();
            paths.add(relative);
            if (relative.contains("/CloudTrail/")) {
                gunzip(file).path("Records").forEach(records::add);
            }
        }
    }

    @Test
    void writes_every_record_it_reports_into_the_organization_trail_layout() {
        List<String> logs = paths.stream().filter(p -> p.contains("/CloudTrail/")).toList();
        assertThat(logs).hasSize((int) summary.files()).allSatisfy(p -> assertThat(p).matches(LOG_FILE));
        assertThat(paths).anySatisfy(p -> assertThat(p).contains("/CloudTrail-Digest/").endsWith(".json.gz"));
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.path("eventID").asText()));
        assertThat(ids).hasSize((int) summary.events());
        assertThat(records.size()).isGreaterThanOrEqualTo(ids.size());
        assertThat(summary.events()).isGreaterThan(20_000);
        assertThat(summary.accounts()).isEqualTo(6);
    }

    @Test
    void each_record_has_the_fields_cloudtrail_writes_and_lands_where_its_account_and_region_say() throws IOException {
        for (Path file : files(dir.resolve("a"))) {
            Matcher m = LOG_FILE.matcher(dir.resolve("a").relativize(file).toString());
            if (!m.matches()) {
                continue;
            }
            for (JsonNode r : gunzip(file).path("Records")) {
                assertThat(r.path("recipientAccountId").asText()).isEqualTo(m.group(1));
                assertThat(r.path("awsRegion").asText()).isEqualTo(m.group(2));
                for (String field : List.of("eventVersion", "eventTime", "eventSource", "eventName", "eventID", "eventType")) {
                    assertThat(r.path(field).isTextual()).as(field + " in " + r).isTrue();
                }
                assertThat(r.path("userIdentity").isObject()).isTrue();
                Instant time = Instant.parse(r.path("eventTime").asText());
                assertThat(time).isBetween(START.minusSeconds(3600), START.plusSeconds(3 * 86400));
            }
        }
    }

    @Test
    void the_same_seed_writes_the_same_bytes() throws IOException {
        Path b = dir.resolve("b");
        Simulator.run(new SimulationOptions(START, 2, 11, 0, true), b);
        List<Path> first = files(dir.resolve("a"));
        List<Path> second = files(b);
        assertThat(second.stream().map(p -> b.relativize(p).toString()).toList())
                .isEqualTo(first.stream().map(p -> dir.resolve("a").relativize(p).toString()).toList());
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).as(second.get(i).toString()).isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @Test
    void another_seed_writes_other_events() throws IOException {
        Path c = dir.resolve("c");
        Simulator.run(new SimulationOptions(START, 1, 12, 0, true), c);
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.path("eventID").asText()));
        List<String> shared = new ArrayList<>();
        int seen = 0;
        for (Path file : files(c)) {
            if (file.toString().contains("/CloudTrail/")) {
                for (JsonNode r : gunzip(file).path("Records")) {
                    seen++;
                    if (ids.contains(r.path("eventID").asText())) {
                        shared.add(r.path("eventID").asText());
                    }
                }
            }
        }
        assertThat(seen).isPositive();
        assertThat(shared).isEmpty();
    }

    @Test
    void the_organization_has_people_pipelines_workloads_services_and_scanners() {
        Map<String, Integer> byType = new HashMap<>();
        Set<String> sessionNames = new HashSet<>();
        for (JsonNode r : records) {
            JsonNode id = r.path("userIdentity");
            byType.merge(id.path("type").asText("(service event)"), 1, Integer::sum);
            String arn = id.path("arn").asText();
            if (arn.contains(":assumed-role/")) {
                sessionNames.add(arn.substring(arn.indexOf(":assumed-role/") + 14, arn.lastIndexOf('/')));
            }
        }
        assertThat(byType).containsKeys("AssumedRole", "IAMUser", "AWSService", "WebIdentityUser", "AWSAccount",
                "Unknown", "(service event)");
        assertThat(sessionNames).anySatisfy(n -> assertThat(n).startsWith("AWSReservedSSO_AdministratorAccess_"))
                .contains("terraform-plan", "github-actions-deploy", "AWSServiceRoleForConfig", "cspm-readonly-scanner")
                .anySatisfy(n -> assertThat(n).endsWith("-instance-role"));
        assertThat(records).anySatisfy(r -> assertThat(r.path("eventName").asText()).isEqualTo("ConsoleLogin"))
                .anySatisfy(r -> assertThat(r.path("errorCode").asText()).isEqualTo("AccessDenied"))
                .anySatisfy(r -> assertThat(r.path("userIdentity").path("invokedBy").asText()).isEqualTo("secretsmanager.amazonaws.com"));
    }

    @Test
    void labels_name_events_that_are_in_the_trail_and_attack_tactics_are_attack_ids() throws IOException {
        Path labelsDir = dir.resolve("labels");
        Simulator.run(new SimulationOptions(START, 1, 5, 0, true), labelsDir);
        JsonNode labels = JSON.readTree(labelsDir.resolve("labels.json").toFile());
        Set<String> ids = new HashSet<>();
        for (Path file : files(labelsDir)) {
            if (file.toString().contains("/CloudTrail/")) {
                gunzip(file).path("Records").forEach(r -> ids.add(r.path("eventID").asText()));
            }
        }
        int attacks = 0;
        for (JsonNode s : labels.path("scenarios")) {
            s.path("eventIds").forEach(e -> assertThat(ids).as(s.path("id").asText()).contains(e.asText()));
            Set<String> events = new HashSet<>();
            s.path("eventIds").forEach(e -> events.add(e.asText()));
            s.path("keyEventIds").forEach(e -> assertThat(events).contains(e.asText()));
            if (s.path("kind").asText().equals("attack")) {
                attacks++;
                assertThat(s.path("keyEventIds").size()).as(s.path("id").asText()).isPositive();
                s.path("tactics").forEach(t -> assertThat(t.asText()).matches("TA\\d{4}"));
                s.path("techniques").forEach(t -> assertThat(t.asText()).matches("T\\d{4}(\\.\\d{3})?"));
                if (s.path("signal").asText().equals("rules")) {
                    assertThat(s.path("stratus").size()).as("a rule attack reproduces Stratus techniques").isPositive();
                }
            }
            assertThat(s.path("signal").asText()).isIn("rules", "behaviour");
        }
        assertThat(attacks).isGreaterThanOrEqualTo(12);
        assertThat(JSON.readTree(labelsDir.resolve("accounts.json").toFile()).path("333344445555").asText()).isEqualTo("prod");
    }

    @Test
    void a_target_volume_is_met_within_a_fifth() throws IOException {
        SimulationSummary scaled = Simulator.run(new SimulationOptions(START, 1, 3, 150_000, false), dir.resolve("scaled"));
        assertThat(scaled.events()).isBetween(120_000L, 180_000L);
        assertThat(files(dir.resolve("scaled"))).allSatisfy(p -> assertThat(dir.resolve("scaled").relativize(p).toString())
                .matches("labels.json|accounts.json|AWSLogs/\\d{12}/CloudTrail(-Digest)?/.*"));
    }

    @Test
    void a_small_sample_keeps_every_scenario_in_few_daily_files_without_digests() throws IOException {
        Path out = dir.resolve("sample");
        SimulationSummary sample = Simulator.run(new SimulationOptions(START, 1, 3, 1_000, true, 24 * 60, false, 0.15), out);

        assertThat(sample.events()).isBetween(600L, 1_200L);
        List<String> logs = files(out).stream().map(p -> out.relativize(p).toString()).filter(p -> p.startsWith("AWSLogs/")).toList();
        assertThat(logs).allSatisfy(p -> assertThat(p).matches(LOG_FILE).doesNotContain("Digest"));
        assertThat(logs).hasSize((int) sample.files()).hasSizeLessThanOrEqualTo(2 * 6 * 4); // a day's file per account and region, and stragglers
        Set<String> ids = new HashSet<>();
        for (Path log : files(out.resolve("AWSLogs"))) {
            gunzip(log).path("Records").forEach(r -> ids.add(r.path("eventID").asText()));
        }
        JsonNode labels = JSON.readTree(out.resolve("labels.json").toFile());
        assertThat(labels.path("scenarios").size()).isEqualTo(sample.scenarios());
        labels.path("scenarios").forEach(s -> s.path("eventIds").forEach(id -> assertThat(ids).as(s.path("id").asText()).contains(id.asText())));
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static JsonNode gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
