package dev.trailhound.app.evaluate;

import static dev.trailhound.app.evaluate.CorpusFixtures.record;
import static dev.trailhound.app.evaluate.CorpusFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StratusEvaluationTest {
    @TempDir
    Path dir;

    private final CorpusScanner scanner = ActionTableDetector.scanner(Map.of(
            "StopLogging", "T1562.008",       // v18 id: Defense Impairment in v19
            "GetSecretValue", "T1087.004",    // deliberately the wrong tactic (Discovery)
            "ListAccessKeys", "T1098.001"));  // Persistence, but not the capture's key call

    private void labels() {
        write(dir.resolve("labels.json"), """
                {"files": [
                  {"file": "stop.jsonl", "technique": "aws.defense-evasion.cloudtrail-stop",
                   "mitre_tactics": ["Defense Evasion"], "detection_key_events": ["cloudtrail:StopLogging"]},
                  {"file": "secrets.jsonl", "technique": "aws.credential-access.secretsmanager-retrieve-secrets",
                   "mitre_tactics": ["Credential Access"], "detection_key_events": ["secretsmanager:GetSecretValue"]},
                  {"file": "backdoor.jsonl", "technique": "aws.persistence.iam-backdoor-user",
                   "mitre_tactics": ["Persistence", "Privilege Escalation"], "detection_key_events": ["iam:CreateAccessKey"]},
                  {"file": "quiet.jsonl", "technique": "aws.discovery.ec2-download-user-data",
                   "mitre_tactics": ["Discovery"], "detection_key_events": ["ec2:DescribeInstanceAttribute"]},
                  {"file": "absent.jsonl", "technique": "aws.impact.bedrock-invoke-model",
                   "mitre_tactics": ["Impact"], "detection_key_events": ["bedrock:InvokeModel"]}
                ]}""");
        write(dir.resolve("stop.jsonl"), record("s-1", "2026-11-02T10:00:00Z", "alice", "cloudtrail", "StopLogging"));
        write(dir.resolve("secrets.jsonl"), record("k-1", "2026-11-02T10:00:00Z", "alice", "secretsmanager", "GetSecretValue"));
        write(dir.resolve("backdoor.jsonl"), record("b-1", "2026-11-02T10:00:00Z", "alice", "iam", "ListAccessKeys"),
                record("b-2", "2026-11-02T10:00:05Z", "alice", "iam", "CreateAccessKey"));
        write(dir.resolve("quiet.jsonl"), record("q-1", "2026-11-02T10:00:00Z", "alice", "ec2", "DescribeInstanceAttribute"));
    }

    @Test
    void counts_a_capture_as_detected_only_when_a_threat_carries_one_of_its_tactics() {
        labels();

        StratusReport report = StratusEvaluation.evaluate(dir, scanner);

        assertThat(report.files()).extracting(StratusFile::file, StratusFile::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("stop.jsonl", "detected"),
                org.assertj.core.groups.Tuple.tuple("secrets.jsonl", "wrong-tactic"),
                org.assertj.core.groups.Tuple.tuple("backdoor.jsonl", "detected"),
                org.assertj.core.groups.Tuple.tuple("quiet.jsonl", "no-threat"),
                org.assertj.core.groups.Tuple.tuple("absent.jsonl", "unreadable"));
        assertThat(report.figures().get(0)).satisfies(f -> {
            assertThat(f.id()).isEqualTo("stratus.detected");
            assertThat(f.value()).isEqualTo(2);
            assertThat(f.of()).isEqualTo(5);
            assertThat(f.met()).isFalse();
        });
    }

    @Test
    void tells_whether_the_detection_was_on_one_of_the_captures_key_calls() {
        labels();

        StratusReport report = StratusEvaluation.evaluate(dir, scanner);

        assertThat(report.files().get(0).onKeyEvent()).isTrue();
        assertThat(report.files().get(2).onKeyEvent()).as("ListAccessKeys is not the key call CreateAccessKey").isFalse();
        assertThat(report.figures().get(1).value()).isEqualTo(1);
        assertThat(report.files().get(2).keyOutcomes()).containsExactly(Map.entry("(succeeded)", 1L));
        assertThat(report.files().get(4).keyOutcomes()).as("the capture is absent").isEmpty();
    }

    @Test
    void lists_the_rules_of_a_wrong_tactic_threat_and_notes_labelled_files_that_are_missing() {
        labels();

        StratusReport report = StratusEvaluation.evaluate(dir, scanner);

        StratusFile secrets = report.files().get(1);
        assertThat(secrets.acceptedTactics()).containsExactly("TA0006");
        assertThat(secrets.threats()).singleElement().satisfies(t -> {
            assertThat(t.tactics()).containsExactly("TA0007");
            assertThat(t.rules()).containsExactly("test-GetSecretValue GetSecretValue seen");
            assertThat(t.detectionEventIds()).containsExactly("k-1");
        });
        assertThat(report.files().get(0).acceptedTactics()).containsExactly("TA0005", "TA0112");
        assertThat(report.labelNotes()).containsExactly("absent.jsonl: listed in labels.json but absent; counted as not detected");
    }

    @Test
    void a_labels_file_without_files_fails_with_its_path() {
        write(dir.resolve("labels.json"), "{\"note\": \"nothing here\"}");

        assertThatThrownBy(() -> StratusEvaluation.evaluate(dir, scanner))
                .isInstanceOf(CorpusException.class).hasMessageContaining("labels.json: no \"files\" array");
    }
}
