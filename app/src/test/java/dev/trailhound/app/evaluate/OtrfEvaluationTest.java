package dev.trailhound.app.evaluate;

import static dev.trailhound.app.evaluate.CorpusFixtures.record;
import static dev.trailhound.app.evaluate.CorpusFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtrfEvaluationTest {
    @TempDir
    Path dir;

    private final CorpusScanner scanner = ActionTableDetector.scanner(Map.of("GetObject", "T1530", "DescribeInstances", "T1580"));

    private void labels() {
        write(dir.resolve("labels.json"), """
                {"files": [{"file": "breach.jsonl"}],
                 "record_labels": [
                   {"eventID": "m-1", "eventName": "ListObjects", "label": "malicious"},
                   {"eventID": "m-2", "eventName": "GetObject", "label": "malicious"},
                   {"eventID": "b-1", "eventName": "DescribeInstances", "label": "benign"},
                   {"eventID": "b-2", "eventName": "DescribeInstances", "label": "benign"}
                 ]}""");
    }

    @Test
    void counts_malicious_records_named_by_detections_and_threats_made_only_of_benign_records() {
        labels();
        write(dir.resolve("breach.jsonl"),
                record("m-1", "2026-11-02T10:00:00Z", "stolen", "s3", "ListObjects"),
                record("m-2", "2026-11-02T10:01:00Z", "stolen", "s3", "GetObject"),
                record("b-1", "2026-11-02T10:00:00Z", "owner", "ec2", "DescribeInstances"),
                record("b-2", "2026-11-02T10:03:00Z", "owner", "ec2", "DescribeInstances"));

        OtrfReport report = OtrfEvaluation.evaluate(dir, scanner);

        assertThat(report.maliciousDetected()).containsExactly("m-2");
        assertThat(report.attackThreats()).singleElement().satisfies(t -> assertThat(t.threat().principal()).endsWith("/stolen"));
        assertThat(report.falseThreats()).singleElement().satisfies(t -> assertThat(t.phases()).containsExactly(Map.entry("benign", 2L)));
        assertThat(report.figures()).extracting(Figure::value).containsExactly(4L, 1L, 1L);
    }

    @Test
    void records_scan_rejects_are_counted_with_the_reason_not_repaired() {
        labels();
        write(dir.resolve("breach.jsonl"), record("m-2", "2026-11-02T10:01:00Z", "stolen", "s3", "GetObject")
                .replace("\"eventTime\":\"2026-11-02T10:01:00Z\",", ""));

        OtrfReport report = OtrfEvaluation.evaluate(dir, scanner);

        assertThat(report.events()).isZero();
        assertThat(report.rejections()).containsExactly(Map.entry("record without eventTime", 1L));
        assertThat(report.maliciousDetected()).isEmpty();
    }
}
