package dev.trailhound.app.evaluate;

import static dev.trailhound.app.evaluate.CorpusFixtures.record;
import static dev.trailhound.app.evaluate.CorpusFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PantherScenariosEvaluationTest {
    @TempDir
    Path dir;

    private final CorpusScanner scanner = ActionTableDetector.scanner(Map.of("StopLogging", "T1562.008", "CreateUser", "T1136.003"));

    @Test
    void scans_each_file_whole_and_each_record_alone_because_the_files_repeat_one_event_id() {
        write(dir.resolve("labels.json"), """
                {"files": [
                  {"file": "story_attacker.jsonl", "label": "malicious"},
                  {"file": "story_victim.jsonl", "label": "benign"}
                ]}""");
        write(dir.resolve("story_attacker.jsonl"),
                record("1", "2026-11-02T10:00:00Z", "mallory", "iam", "ListUsers"),
                record("1", "2026-11-02T10:01:00Z", "mallory", "cloudtrail", "StopLogging"),
                record("1", "2026-11-02T10:02:00Z", "mallory", "iam", "CreateUser"));
        write(dir.resolve("story_victim.jsonl"),
                record("1", "2026-11-01T10:00:00Z", "alice", "iam", "ListUsers"),
                record("1", "2026-11-01T10:05:00Z", "alice", "iam", "CreateUser"));

        ScenariosReport report = PantherScenariosEvaluation.evaluate(dir, scanner);

        assertThat(report.files().get(0)).satisfies(f -> {
            assertThat(f.records()).isEqualTo(3);
            assertThat(f.events()).as("de-duplication keeps the first record of eventID 1").isEqualTo(1);
            assertThat(f.duplicates()).isEqualTo(2);
            assertThat(f.threats()).isEmpty();
        });
        assertThat(report.records()).extracting(ScenarioRecord::call, r -> !r.threats().isEmpty()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("iam:ListUsers", false),
                org.assertj.core.groups.Tuple.tuple("cloudtrail:StopLogging", true),
                org.assertj.core.groups.Tuple.tuple("iam:CreateUser", true),
                org.assertj.core.groups.Tuple.tuple("iam:ListUsers", false),
                org.assertj.core.groups.Tuple.tuple("iam:CreateUser", true));
        assertThat(report.figures()).extracting(Figure::id, Figure::value, Figure::of).containsExactly(
                org.assertj.core.groups.Tuple.tuple("scenarios.attackerFilesDetected", 0L, 1L),
                org.assertj.core.groups.Tuple.tuple("scenarios.attackerRecordsDetected", 2L, 3L),
                org.assertj.core.groups.Tuple.tuple("scenarios.victimThreats", 0L, -1L),
                org.assertj.core.groups.Tuple.tuple("scenarios.victimRecordsWithThreats", 1L, 2L));
        assertThat(report.labelNotes()).containsExactly(
                "story_attacker.jsonl: 3 records share 1 eventID(s) [1]; scanning the file whole kept 1",
                "story_victim.jsonl: 2 records share 1 eventID(s) [1]; scanning the file whole kept 1");
    }
}
