package dev.trailhound.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.app.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README tour's first command, {@code ./trailhound scan samples/cloudtrail}: the sample bundled in the repository. */
class BundledSampleTest {
    /** Maven runs a module's tests in the module's directory. */
    private static final Path SAMPLE = Path.of("..", "samples", "cloudtrail");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void scans_the_bundled_sample_reading_every_event_and_rejecting_nothing() throws IOException {
        List<Path> logFiles;
        try (Stream<Path> walk = Files.walk(SAMPLE)) {
            logFiles = walk.filter(Files::isRegularFile).toList();
        }
        Set<String> eventIds = new HashSet<>();
        for (Path file : logFiles) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                JSON.readTree(in).path("Records").forEach(r -> eventIds.add(r.path("eventID").asText()));
            }
        }
        Path summary = dir.resolve("summary.json");

        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("scan", "--out", dir.resolve("threats.jsonl").toString(), "--summary-json", summary.toString(),
                SAMPLE.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(eventIds).hasSizeGreaterThan(500);
        JsonNode s = JSON.readTree(summary.toFile());
        assertThat(s.path("files").asInt()).isEqualTo(logFiles.size());
        assertThat(s.path("skipped").asInt()).isZero();
        assertThat(s.path("events").asLong()).isEqualTo(eventIds.size());
        assertThat(s.path("rejected").asLong()).isZero();
        assertThat(s.path("late").asLong()).isZero();
        assertThat(s.path("threats").asLong()).as("the sample's attacks raise threats").isPositive();
    }
}
