package dev.trailhound.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.app.Main;
import dev.trailhound.app.scan.DetectMode;
import dev.trailhound.app.scan.Detectors;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.baseline.BaselineSettings;
import dev.trailhound.core.baseline.BaselineStore;
import dev.trailhound.store.DatabaseSettings;
import dev.trailhound.store.testing.DatabaseKind;
import dev.trailhound.store.user.PasswordHasher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** The service end to end: HTTP ingest into live detection and storage, read back through the API. */
class ServiceTest {
    private static final Path SAMPLE = Path.of("..", "samples", "cloudtrail");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "service-test-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Service start(DatabaseKind kind) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        overrides.put(ConfigKey.HTTP_PORT, "0");
        overrides.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        overrides.put(ConfigKey.DETECTION_RELEASE_AFTER_MILLIS, "200");
        Map<String, String> environment = new HashMap<>();
        environment.put("TRAILHOUND_ADMIN_TOKEN", TOKEN);
        environment.put("TRAILHOUND_ADMIN_PASSWORD", "admin-password");
        if (kind == DatabaseKind.POSTGRESQL) {
            DatabaseSettings pg = kind.settings("service");
            overrides.put(ConfigKey.DATABASE_URL, pg.url());
            overrides.put(ConfigKey.DATABASE_USER, pg.user());
            overrides.put(ConfigKey.DATABASE_PASSWORD_ENV, "TEST_PG_PASSWORD");
            environment.put("TEST_PG_PASSWORD", pg.password());
        }
        ServiceConfig config = new ServiceConfigLoader(environment).load(null, overrides);
        // the rule options as serve's command line gives them (picocli fills in their defaults)
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve);
        cli.parseArgs();
        Organisation organisation = new Organisation(Map.of());
        Detectors detectors = Detectors.build(DetectMode.ALL, serve.ruleOptions, BaselineSettings.defaults(), new BaselineStore(),
                organisation, cli.getCommandSpec());
        return Service.start(config, detectors.detectors(), organisation, environment, new PasswordHasher(1024, 1, 1),
                InstantSource.system(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(Service service, byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/events"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(request);
    }

    private JsonNode get(Service service, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + TOKEN).build();
        try {
            return JSON.readTree(send(request).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every threat the API lists (all statuses), by id, with its tactic ids. */
    private Map<String, List<String>> allThreats(Service service) {
        Map<String, List<String>> threats = new TreeMap<>();
        String cursor = null;
        do {
            JsonNode page = get(service, "/api/v1/threats?status=all&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(t -> threats.put(t.path("threatId").asText(), tactics(t)));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return threats;
    }

    private static List<String> tactics(JsonNode threat) {
        List<String> ids = new ArrayList<>();
        threat.path("tactics").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private static void awaitIdle(Service service) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!service.detection().idle() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(service.detection().idle()).as("detection caught up").isTrue();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void finds_over_http_exactly_the_threats_scan_finds_in_the_bundled_sample(DatabaseKind kind) throws Exception {
        Path scanned = dir.resolve("scan.jsonl");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("scan", "--out", scanned.toString(), SAMPLE.toString())).as(err.toString()).isZero();
        Map<String, List<String>> expected = new TreeMap<>();
        for (String line : Files.readAllLines(scanned)) {
            JsonNode t = JSON.readTree(line);
            expected.put(t.path("threatId").asText(), tactics(t));
        }
        assertThat(expected).isNotEmpty();

        try (Service service = start(kind)) {
            long accepted = 0;
            // a live feed delivers in about event-time order; scan gets there by merging its files (whole days here)
            List<String> records = recordsInEventTimeOrder();
            for (int from = 0; from < records.size(); from += 300) {
                String chunk = String.join("\n", records.subList(from, Math.min(records.size(), from + 300))) + "\n";
                HttpResponse<String> response = post(service, chunk.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                accepted += JSON.readTree(response.body()).path("accepted").asLong();
            }
            assertThat(accepted).isEqualTo(records.size());
            awaitIdle(service);
            assertThat(allThreats(service)).isEqualTo(expected);

            // a delivery file of the same events: every event a duplicate, nothing new
            Path file;
            try (Stream<Path> walk = Files.walk(SAMPLE)) {
                file = walk.filter(Files::isRegularFile).findFirst().orElseThrow();
            }
            JsonNode again = JSON.readTree(post(service, Files.readAllBytes(file), "application/json").body());
            assertThat(again.path("accepted").asLong()).isZero();
            assertThat(again.path("duplicate").asLong()).isPositive();
            assertThat(allThreats(service)).isEqualTo(expected);
        }
    }

    @Test
    void a_suppression_rule_saved_before_ingest_suppresses_the_threats_it_covers_as_they_come() throws Exception {
        Path scanned = dir.resolve("scan.jsonl");
        assertThat(Main.commandLine().execute("scan", "--out", scanned.toString(), SAMPLE.toString())).isZero();
        Map<String, String> accountOf = new TreeMap<>();
        for (String line : Files.readAllLines(scanned)) {
            JsonNode t = JSON.readTree(line);
            accountOf.put(t.path("threatId").asText(), t.path("accountId").asText());
        }
        String account = accountOf.values().iterator().next();
        long covered = accountOf.values().stream().filter(account::equals).count();
        assertThat(covered).as("the sample has threats in other accounts too").isLessThan(accountOf.size());

        try (Service service = start(DatabaseKind.H2)) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                            + "/api/v1/suppressions")).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scope\": {\"type\": \"account\", \"value\": \"" + account
                            + "\"}, \"reason\": \"sandbox account\"}")).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String rule = JSON.readTree(created.body()).path("id").asText();

            List<String> records = recordsInEventTimeOrder();
            for (int from = 0; from < records.size(); from += 300) {
                String chunk = String.join("\n", records.subList(from, Math.min(records.size(), from + 300))) + "\n";
                assertThat(post(service, chunk.getBytes(StandardCharsets.UTF_8), "application/x-ndjson").statusCode()).isEqualTo(200);
            }
            awaitIdle(service);

            JsonNode all = get(service, "/api/v1/threats?status=all&limit=500");
            assertThat(all.path("items").size()).isEqualTo(accountOf.size());
            for (JsonNode t : all.path("items")) {
                boolean inScope = account.equals(t.path("accountId").asText());
                assertThat(t.path("status").asText()).as(t.path("threatId").asText()).isEqualTo(inScope ? "suppressed" : "open");
                if (inScope) {
                    assertThat(t.path("suppression").path("suppressionId").asText()).isEqualTo(rule);
                }
            }
            assertThat(get(service, "/api/v1/suppressions/" + rule).path("hits").asLong()).isEqualTo(covered);

            // the baseline of a threat's principal, by the ARN the threat names (slashes and all)
            JsonNode threat = all.path("items").get(0);
            String arn = threat.path("principalArn").asText();
            JsonNode baseline = get(service, "/api/v1/principals/" + arn);
            assertThat(baseline.path("events").asLong()).as(baseline.toString()).isPositive();
            assertThat(baseline.path("learning").path("summary").asText()).matches("(learning|judging).*days");
            assertThat(baseline.path("habits").path("actions").path("top").size()).isPositive();
            assertThat(baseline.path("hourOfDay").size()).isEqualTo(24);
            HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                    + "/api/v1/principals/arn:aws:iam::999999999999:user/nobody")).header("Authorization", "Bearer " + TOKEN).build());
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    /** Every record of the sample, one JSON text each, in (eventTime, eventID) order. */
    private static List<String> recordsInEventTimeOrder() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(SAMPLE)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    JSON.readTree(in).path("Records").forEach(records::add);
                }
            }
        }
        records.sort(Comparator.comparing((JsonNode r) -> Instant.parse(r.path("eventTime").asText()))
                .thenComparing(r -> r.path("eventID").asText()));
        List<String> lines = new ArrayList<>();
        for (JsonNode r : records) {
            lines.add(JSON.writeValueAsString(r));
        }
        return lines;
    }

    @Test
    void takes_json_lines_gzip_and_eventbridge_envelopes_and_names_what_it_rejects() throws Exception {
        String record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\",\"userName\":\"alice\"},"
                + "\"eventTime\":\"2026-11-02T10:00:0%dZ\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\","
                + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15.0\","
                + "\"requestParameters\":{\"name\":\"org-trail\"},\"responseElements\":null,\"eventID\":\"%s\","
                + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\",\"readOnly\":false}";
        try (Service service = start(DatabaseKind.H2)) {
            String lines = record.formatted(1, "11111111-0000-0000-0000-000000000001") + "\nnot json\n"
                    + record.formatted(2, "11111111-0000-0000-0000-000000000002") + "\n";
            JsonNode ndjson = JSON.readTree(post(service, lines.getBytes(StandardCharsets.UTF_8), "application/x-ndjson").body());
            assertThat(ndjson.path("accepted").asLong()).isEqualTo(2);
            assertThat(ndjson.path("rejected").asLong()).isEqualTo(1);
            assertThat(ndjson.path("rejections").get(0).path("position").asText()).contains("line 2");

            String envelope = "[{\"version\":\"0\",\"id\":\"e1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.cloudtrail\","
                    + "\"account\":\"111122223333\",\"time\":\"2026-11-02T10:00:03Z\",\"region\":\"us-east-1\",\"detail\":"
                    + record.formatted(3, "11111111-0000-0000-0000-000000000003") + "}]";
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(envelope.getBytes(StandardCharsets.UTF_8));
            }
            JsonNode fromEnvelope = JSON.readTree(post(service, gz.toByteArray(), "application/json").body());
            assertThat(fromEnvelope.path("accepted").asLong()).isEqualTo(1);
            assertThat(fromEnvelope.path("rejected").asLong()).isZero();

            awaitIdle(service);
            JsonNode threats = get(service, "/api/v1/threats");
            assertThat(threats.path("items")).hasSize(1);
            String id = threats.path("items").get(0).path("threatId").asText();
            assertThat(threats.path("items").get(0).path("user").asText()).isEqualTo("alice");
            JsonNode events = get(service, "/api/v1/threats/" + id + "/events");
            assertThat(events.path("items")).hasSize(3);
            assertThat(events.path("items").get(0).path("raw").path("requestParameters").path("name").asText()).isEqualTo("org-trail");

            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/metrics"))
                    .header("Authorization", "Bearer " + TOKEN).build();
            String text = send(metrics).body();
            assertThat(text).contains("trailhound_events_ingested_total 3.0").contains("trailhound_events_rejected_total 1.0")
                    .contains("trailhound_threats_created_total 1.0").contains("trailhound_rule_errors_total 0.0")
                    .contains("trailhound_event_lag_seconds_count 3");
            assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/metrics")).build())
                    .statusCode()).isEqualTo(401);
        }
    }

    @Test
    void refuses_a_body_over_the_limit_with_413() throws Exception {
        try (Service service = start(DatabaseKind.H2)) {
            byte[] big = new byte[(int) (67_108_864L + 1)];
            HttpResponse<String> response = post(service, big, "application/json");
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("67108864");
        }
    }
}
