package dev.trailhound.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.store.account.Account;
import dev.trailhound.store.threat.StatusFilter;
import dev.trailhound.store.threat.ThreatPage;
import dev.trailhound.store.threat.ThreatQuery;
import dev.trailhound.store.threat.ThreatSort;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command: the demo fills a fresh service with the last days of an organisation, attacks included. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void fills_a_fresh_service_with_recent_threats_and_named_accounts_and_prints_the_login() throws Exception {
        DemoCommand demo = new DemoCommand();
        CommandLine cli = new CommandLine(demo);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs("--port", "0", "--data-dir", dir.resolve("data").toString(), "--days", "9", "--events", "40000");
        DemoCommand.Running running = demo.start();
        try (Service service = running.service()) {
            running.feeder().join(120_000);
            assertThat(running.feeder().isAlive()).as("the feed finished").isFalse();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!service.detection().idle() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            ThreatPage threats = service.threats().list(ThreatQuery.open().withStatus(StatusFilter.ALL), ThreatSort.NEWEST, 500, null);
            assertThat(threats.items()).hasSizeGreaterThan(5);
            Instant newest = Instant.parse(com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(threats.items().get(0).document()).path("detectionTime").asText());
            assertThat(newest).isBetween(Instant.now().minus(10, ChronoUnit.DAYS), Instant.now());
            assertThat(service.accounts().list()).extracting(Account::name).contains("prod", "security");
            assertThat(out.toString()).contains("login: admin / ").contains("http://127.0.0.1:");
            assertThat(Files.isDirectory(dir.resolve("data").resolve("simulated-cloudtrail").resolve("AWSLogs"))).isTrue();
        }
    }

    @Test
    void refuses_a_data_directory_that_is_not_empty() throws Exception {
        Files.writeString(dir.resolve("something"), "x");
        DemoCommand demo = new DemoCommand();
        CommandLine cli = new CommandLine(demo);
        cli.parseArgs("--port", "0", "--data-dir", dir.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(demo::start)
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("fresh data directory");
    }
}
