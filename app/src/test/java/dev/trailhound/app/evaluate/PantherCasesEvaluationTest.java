package dev.trailhound.app.evaluate;

import static dev.trailhound.app.evaluate.CorpusFixtures.record;
import static dev.trailhound.app.evaluate.CorpusFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PantherCasesEvaluationTest {
    @TempDir
    Path dir;

    private final CorpusScanner scanner = ActionTableDetector.scanner(Map.of(
            "StopLogging", "T1562.008",
            "GetSecretValue", "T1087.004"));

    private static String testCase(String rule, String mitre, boolean expected, String name, String event, String extra) {
        return "{\"rule_id\": \"" + rule + "\", \"rule_name\": \"" + rule + " rule\", \"severity\": \"High\", \"mitre\": [" + mitre
                + "], \"expected\": " + expected + ", \"name\": \"" + name + "\", \"event\": " + event + extra + "}";
    }

    private static String event(String id, String service, String name) {
        return record(id, "2026-11-02T10:00:00Z", "alice", service, name);
    }

    @BeforeEach
    void cases() {
        String stop = "\"TA0005:T1562.008\"";
        String secrets = "\"TA0006:T1552\"";
        write(dir.resolve("cases.jsonl"),
                testCase("Test.Stopped", stop, true, "stopped", event("1", "cloudtrail", "StopLogging"), ""),
                testCase("Test.Secrets", secrets, true, "no id, missed", event("2", "iam", "ListUsers").replace("\"eventID\":\"2\",", ""), ""),
                testCase("Test.Stopped", stop, false, "stopped but negative", event("1", "cloudtrail", "StopLogging"), ""),
                testCase("Test.Secrets", secrets, false, "other tactic only", event("1", "secretsmanager", "GetSecretValue"), ""),
                testCase("Test.Secrets", secrets, true, "no eventTime",
                        event("1", "secretsmanager", "GetSecretValue").replace("\"eventTime\":\"2026-11-02T10:00:00Z\",", ""),
                        ", \"flags\": [\"partial_record\"]"),
                testCase("Test.Stopped", stop, false, "epoch seconds as time",
                        event("1", "cloudtrail", "DescribeTrails").replace("2026-11-02T10:00:00Z", "1700000000"),
                        ", \"rule_enabled\": false"),
                testCase("Test.Unmapped", "", true, "any threat will do", event("1", "cloudtrail", "StopLogging"), ", \"rule_threshold\": 5"),
                testCase("Test.Unmapped", "", false, "quiet", event("1", "iam", "ListUsers"), ""));
    }

    @Test
    void positives_pass_on_a_threat_of_the_rules_tactic_and_unreadable_positives_count_as_missed() {
        PantherReport report = PantherCasesEvaluation.evaluate(dir, scanner);

        assertThat(report.cases()).filteredOn(PantherCase::expected).extracting(PantherCase::name, PantherCase::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("stopped", "pass"),
                org.assertj.core.groups.Tuple.tuple("no id, missed", "miss"),
                org.assertj.core.groups.Tuple.tuple("no eventTime", "unreadable"),
                org.assertj.core.groups.Tuple.tuple("any threat will do", "pass"));
        assertThat(report.figures().get(0)).extracting(Figure::id, Figure::value, Figure::of)
                .containsExactly("panther.positives", 2L, 4L);
    }

    @Test
    void negatives_fail_only_on_a_threat_of_the_rules_tactic_and_unreadable_negatives_are_left_out() {
        PantherReport report = PantherCasesEvaluation.evaluate(dir, scanner);

        assertThat(report.cases()).filteredOn(c -> !c.expected()).extracting(PantherCase::name, PantherCase::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("stopped but negative", "false-threat"),
                org.assertj.core.groups.Tuple.tuple("other tactic only", "pass"),
                org.assertj.core.groups.Tuple.tuple("epoch seconds as time", "unreadable"),
                org.assertj.core.groups.Tuple.tuple("quiet", "pass"));
        assertThat(report.figures().get(1)).extracting(Figure::id, Figure::value, Figure::of)
                .containsExactly("panther.negatives", 2L, 3L);
        assertThat(report.cases().get(2).threats()).singleElement()
                .satisfies(t -> assertThat(t.rules()).containsExactly("test-StopLogging StopLogging seen"));
    }

    @Test
    void reports_why_events_could_not_be_read_and_what_makes_a_case_special() {
        PantherReport report = PantherCasesEvaluation.evaluate(dir, scanner);

        assertThat(report.figures().get(2)).extracting(Figure::value, Figure::of).containsExactly(2L, 8L);
        assertThat(report.unreadable()).containsOnly(Map.entry("record without eventTime", 1L),
                Map.entry("field eventTime: \"9999999999\" is not an ISO-8601 timestamp", 1L));
        assertThat(report.cases().get(4).notes()).containsExactly("partial_record");
        assertThat(report.cases().get(5).notes()).containsExactly("rule disabled upstream");
        assertThat(report.cases().get(6).notes()).containsExactly("upstream alerts after 5 matches", "rule has no ATT&CK mapping");
        assertThat(report.cases().get(0).acceptedTactics()).containsExactly("TA0005", "TA0112");
    }

    @Test
    void notes_mappings_whose_technique_is_gone_or_does_not_serve_the_tactic() {
        PantherCase defenseEvasion = new PantherCase(1, "Test.Stopped", "", "", true, List.of("TA0005:T1562.008"),
                List.of(), "pass", List.of(), Map.of(), List.of());
        PantherCase discovery = new PantherCase(2, "Test.CreateUser", "", "", true, List.of("TA0007:T1078", "TA0005:T1108"),
                List.of(), "miss", List.of(), Map.of(), List.of());

        assertThat(PantherCasesEvaluation.mappingNotes(List.of(defenseEvasion, discovery, discovery))).containsExactly(
                "Test.CreateUser: TA0007:T1078: T1078 does not serve TA0007 in ATT&CK v19 (it serves TA0001, TA0003, TA0004, TA0005);"
                        + " scored by the tactic as labelled (2 cases)",
                "Test.CreateUser: TA0005:T1108: technique T1108 is not in ATT&CK v19 (revoked or unknown) (2 cases)");
    }

    @Test
    void leaves_no_temporary_files_behind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("trailhound-evaluate-")).count();
        }

        PantherCasesEvaluation.evaluate(dir, scanner);

        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("trailhound-evaluate-")).count()).isEqualTo(before);
        }
    }
}
