package dev.trailhound.app.scan;

import dev.trailhound.core.threat.ThreatJsonWriter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threat JSON contract of {@code scan}, driven by a test-only detector until the rule engine lands. */
class ScanThreatOutputTest {
    @TempDir
    Path dir;

    /** Flags StopLogging as T1685.002 (Defense Impairment). */
    static final class StopLoggingDetector implements Detector<Void> {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public Void newState() {
            return null;
        }

        @Override
        public List<Detection> detect(Void state, Event e) {
            if (!e.action().equals("StopLogging")) {
                return List.of();
            }
            AttackCatalog attack = AttackCatalog.v19();
            var technique = attack.technique("T1562.008").orElseThrow(); // a v18 id: translated to T1685.002
            return List.of(new Detection(DetectionKind.RULE, "test-stop-logging", "CloudTrail logging stopped", Severity.HIGH,
                    e.eventId(), e.eventTimeMillis(), List.of(e.eventId()), attack.tacticsOf(technique), List.of(technique), ""));
        }
    }

    @Test
    void a_threat_line_carries_every_field_of_the_contract() throws IOException {
        String recon = ScanCommandTest.record("e-recon", "2026-11-02T10:00:00Z");
        String stop = ScanCommandTest.record("e-stop", "2026-11-02T10:02:00Z").replace("\"ListUsers\"", "\"StopLogging\"")
                .replace("\"iam.amazonaws.com\"", "\"cloudtrail.amazonaws.com\"")
                .replace("\"eventType\"", "\"requestParameters\":{\"name\":\"org-trail\"},\"eventType\"");
        Path file = Files.writeString(dir.resolve("events.jsonl"), recon + "\n" + stop + "\n");
        StringWriter out = new StringWriter();
        ThreatJsonWriter writer = new ThreatJsonWriter(out, new Organisation(Map.of("111122223333", "production"))::nameOf);
        List<Threat> threats = new ArrayList<>();
        Scan scan = new Scan(List.of(new StopLoggingDetector()), PipelineSettings.defaults(), ReadLimits.defaults(), 2, Organisation.empty());

        ScanSummary summary = scan.run(List.of(file), Scan.unchecked(t -> {
            threats.add(t);
            writer.write(t);
        }), r -> { });

        assertThat(summary.threats()).isEqualTo(1);
        JsonNode t = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(t.path("threatId").asText()).isEqualTo(threats.get(0).threatId()).startsWith("th-");
        assertThat(t.path("accountId").asText()).isEqualTo("111122223333");
        assertThat(t.path("accountName").asText()).isEqualTo("production");
        assertThat(t.path("user").asText()).isEqualTo("alice");
        assertThat(t.path("principalArn").asText()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(t.path("sessionId").asText()).startsWith("arn:aws:iam::111122223333:user/alice#activity@");
        assertThat(t.path("assetType").asText()).isNotBlank();
        assertThat(t.path("assetId").asText()).isNotBlank();
        assertThat(t.path("severity").asText()).isEqualTo("high");
        assertThat(t.path("tactics").get(0).path("id").asText()).isEqualTo("TA0112");
        assertThat(t.path("tactics").get(0).path("name").asText()).isEqualTo("Defense Impairment");
        assertThat(t.path("techniques").get(0).path("id").asText()).isEqualTo("T1685.002");
        assertThat(t.path("detectionTime").asText()).isEqualTo("2026-11-02T10:02:00Z");
        assertThat(t.path("firstEventTime").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(t.path("lastEventTime").asText()).isEqualTo("2026-11-02T10:02:00Z");
        JsonNode d = t.path("detections").get(0);
        assertThat(d.path("kind").asText()).isEqualTo("rule");
        assertThat(d.path("ruleId").asText()).isEqualTo("test-stop-logging");
        assertThat(d.path("title").asText()).isEqualTo("CloudTrail logging stopped");
        assertThat(d.path("eventId").asText()).isEqualTo("e-stop");
        assertThat(d.has("explanation")).isTrue();
        assertThat(d.path("tactics").size()).isEqualTo(1);
        assertThat(t.path("eventIds")).extracting(JsonNode::asText).containsExactly("e-recon", "e-stop");
    }
}
