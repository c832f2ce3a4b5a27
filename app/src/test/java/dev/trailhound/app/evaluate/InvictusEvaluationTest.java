package dev.trailhound.app.evaluate;

import static dev.trailhound.app.evaluate.CorpusFixtures.record;
import static dev.trailhound.app.evaluate.CorpusFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvictusEvaluationTest {
    @TempDir
    Path dir;

    private final CorpusScanner scanner = ActionTableDetector.scanner(Map.of(
            "GetPasswordData", "T1552",
            "GetSecretValue", "T1552",
            "DescribeTrails", "T1526",
            "StartLogging", "T1562.008",
            "ListBuckets", "T1619",
            "ListRoles", "T1087.004"));

    private static String label(String id, String call, String technique, String phase, boolean key) {
        return "{\"eventID\": \"" + id + "\", \"eventTime\": \"2026-11-02T10:00:00Z\", \"event\": \"" + call + "\", \"technique\": "
                + (technique == null ? "null" : "\"" + technique + "\"") + ", \"phase\": \"" + phase + "\", \"key_event\": " + key + "}";
    }

    @BeforeEach
    void capture() {
        String passwords = "aws.credential-access.ec2-get-password-data";
        String stop = "aws.defense-evasion.cloudtrail-stop";
        write(dir.resolve("events.jsonl"),
                record("w-1", "2026-11-02T10:00:00Z", "terraform", "secretsmanager", "GetSecretValue"),
                record("d-1", "2026-11-02T10:01:00Z", "stratus", "ec2", "GetPasswordData"),
                record("d-2", "2026-11-02T10:02:00Z", "stratus", "cloudtrail", "DescribeTrails"),
                record("d-3", "2026-11-02T10:02:30Z", "stratus", "cloudtrail", "StopLogging")
                        .replace("\"eventType\"", "\"errorCode\":\"TrailNotFoundException\",\"eventType\""),
                record("r-1", "2026-11-02T10:03:00Z", "reverter", "cloudtrail", "StartLogging"),
                record("b-1", "2026-11-02T10:04:00Z", "bob", "s3", "ListBuckets"),
                record("u-1", "2026-11-02T10:05:00Z", "carol", "iam", "ListRoles"));
        write(dir.resolve("record_labels.jsonl"),
                label("w-1", "secretsmanager:GetSecretValue", passwords, "warmup", false),
                label("d-1", "ec2:GetPasswordData", passwords, "detonation", true),
                label("d-2", "cloudtrail:DescribeTrails", stop, "detonation", false),
                label("d-3", "cloudtrail:StopLogging", stop, "detonation", true),
                label("r-1", "cloudtrail:StartLogging", stop, "revert", false),
                label("b-1", "s3:ListBuckets", null, "background", false));
        write(dir.resolve("labels.json"), """
                {"techniques": [
                  {"technique": "aws.credential-access.ec2-get-password-data", "key_events_present": {"ec2:GetPasswordData": 1}},
                  {"technique": "aws.defense-evasion.cloudtrail-stop", "key_events_present": {"cloudtrail:StopLogging": 2}},
                  {"technique": "aws.discovery.ec2-enumerate-from-instance", "key_events_present": {}}
                ]}""");
    }

    @Test
    void a_technique_counts_only_when_a_detection_names_one_of_its_key_events() {
        InvictusReport report = InvictusEvaluation.evaluate(dir, scanner);

        assertThat(report.techniques()).extracting(InvictusTechnique::technique)
                .as("techniques without key calls in the capture are not scored")
                .containsExactly("aws.credential-access.ec2-get-password-data", "aws.defense-evasion.cloudtrail-stop");
        assertThat(report.techniques().get(0).detected()).isTrue();
        assertThat(report.techniques().get(0).detectingRules()).containsExactly("test-GetPasswordData GetPasswordData seen");
        assertThat(report.techniques().get(1).detected()).isFalse();
        assertThat(report.techniques().get(1).keyCalls()).containsExactly("cloudtrail:StopLogging");
        assertThat(report.techniques().get(0).keyOutcomes()).containsExactly(Map.entry("(succeeded)", 1L));
        assertThat(report.techniques().get(1).keyOutcomes()).as("a rule that requires success misses a failed attempt")
                .containsExactly(Map.entry("TrailNotFoundException", 1L));
        assertThat(report.techniques().get(1).offKeyRules()).containsExactly("test-DescribeTrails DescribeTrails seen");
        assertThat(report.figures().get(0)).extracting(Figure::value, Figure::of, Figure::met).containsExactly(1L, 2L, false);
    }

    @Test
    void a_threat_whose_detections_name_only_warm_up_revert_or_background_events_is_noise() {
        InvictusReport report = InvictusEvaluation.evaluate(dir, scanner);

        assertThat(report.noiseThreats()).extracting(t -> t.threat().principal()).containsExactlyInAnyOrder(
                "arn:aws:iam::111122223333:user/terraform", "arn:aws:iam::111122223333:user/reverter",
                "arn:aws:iam::111122223333:user/bob");
        assertThat(report.noiseThreats()).filteredOn(t -> t.threat().principal().endsWith("/reverter")).singleElement()
                .satisfies(t -> {
                    assertThat(t.phases()).containsExactly(Map.entry("revert", 1L));
                    assertThat(t.techniques()).containsExactly("aws.defense-evasion.cloudtrail-stop");
                });
        assertThat(report.attackThreats()).singleElement().satisfies(t -> assertThat(t.phases()).containsEntry("detonation", 2L));
        assertThat(report.unlabelledThreats()).singleElement()
                .satisfies(t -> assertThat(t.threat().principal()).endsWith("/carol"));
        assertThat(report.figures().get(1)).extracting(Figure::id, Figure::value, Figure::met)
                .containsExactly("invictus.noiseThreats", 3L, true);
    }

    @Test
    void notes_where_the_two_label_files_disagree() {
        InvictusReport report = InvictusEvaluation.evaluate(dir, scanner);

        assertThat(report.labelNotes()).containsExactly(
                "aws.defense-evasion.cloudtrail-stop: labels.json counts 2 key events, record_labels.jsonl marks 1");
        assertThat(report.events()).isEqualTo(7);
    }
}
