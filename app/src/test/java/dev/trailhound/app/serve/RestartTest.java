package dev.trailhound.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.app.Main;
import dev.trailhound.simulator.SimulationOptions;
import dev.trailhound.simulator.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real {@code serve} process killed with SIGKILL in the middle of ingesting a watched directory, then started again
 * on the same data: it ends with exactly the threats {@code scan} finds in that directory.
 */
class RestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "restart-test-token-0123456789";
    private static final Pattern INGESTED = Pattern.compile("(?m)^trailhound_events_ingested_total ([0-9.E]+)$");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void a_kill_9_mid_ingest_and_a_restart_end_with_the_threats_of_an_uninterrupted_run() throws Exception {
        Path trail = dir.resolve("trail");
        long events = Simulator.run(new SimulationOptions(Instant.parse("2026-11-02T00:00:00Z"), 5, 3, 30_000, true, 60, false, 1.0),
                trail).events();
        Map<String, List<String>> expected = scan(trail.resolve("AWSLogs"));
        assertThat(expected).hasSizeGreaterThan(5);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "http:\n  port: " + port + "\ndataDir: " + dir.resolve("data") + "\ningest:\n  directories:\n    - "
                + trail.resolve("AWSLogs") + "\n  pollMillis: 200\n");

        Process first = serve(config, dir.resolve("first.log"));
        try {
            double ingested = 0;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (ingested < events * 0.3 && first.isAlive() && System.nanoTime() < deadline) {
                ingested = ingested(port);
                Thread.sleep(20);
            }
            assertThat(ingested).as("some events were in when the process was killed; log:\n" + Files.readString(dir.resolve("first.log")))
                    .isGreaterThan(0).isLessThan(events);
        } finally {
            first.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook runs
        }

        Process second = serve(config, dir.resolve("second.log"));
        try {
            Map<String, List<String>> threats = Map.of();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!threats.equals(expected) && second.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                threats = threats(port);
            }
            assertThat(threats).as("log:\n" + Files.readString(dir.resolve("second.log"))).isEqualTo(expected);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Map<String, List<String>> scan(Path input) throws IOException {
        Path out = input.getParent().resolveSibling("scan.jsonl");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("scan", "--out", out.toString(), input.toString())).as(err.toString()).isZero();
        Map<String, List<String>> threats = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode t = JSON.readTree(line);
            threats.put(t.path("threatId").asText(), tactics(t));
        }
        return threats;
    }

    private static Process serve(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--config", config.toString());
        builder.environment().put("TRAILHOUND_ADMIN_TOKEN", TOKEN);
        builder.environment().put("TRAILHOUND_ADMIN_PASSWORD", "restart-test-password");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (ConnectException e) {
            return null;   // not listening yet
        }
    }

    private double ingested(int port) throws IOException, InterruptedException {
        String metrics = get(port, "/metrics");
        if (metrics == null) {
            return 0;
        }
        Matcher m = INGESTED.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private Map<String, List<String>> threats(int port) throws IOException, InterruptedException {
        Map<String, List<String>> threats = new TreeMap<>();
        String cursor = null;
        do {
            String body = get(port, "/api/v1/threats?status=all&limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
            if (body == null) {
                return Map.of();
            }
            JsonNode page = JSON.readTree(body);
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
}
