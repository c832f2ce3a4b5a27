package dev.trailhound.app.evaluate;

import static dev.trailhound.app.evaluate.CorpusFixtures.record;
import static dev.trailhound.app.evaluate.CorpusFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int evaluate(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "evaluate";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    private Path stratusOnlyCorpus() {
        Path corpus = dir.resolve("corpus");
        write(corpus.resolve("stratus/labels.json"), """
                {"files": [{"file": "stop.jsonl", "technique": "aws.defense-evasion.cloudtrail-stop",
                            "mitre_tactics": ["Defense Evasion"], "detection_key_events": ["cloudtrail:StopLogging"]}]}""");
        write(corpus.resolve("stratus/stop.jsonl"), record("s-1", "2026-11-02T10:00:00Z", "alice", "cloudtrail", "StopLogging"));
        write(corpus.resolve("panther/cases.jsonl"), "{\"rule_id\": \"Broken\"");
        return corpus;
    }

    @Test
    void prints_the_figures_and_writes_the_json_report_with_absent_and_failed_data_sets() throws IOException {
        Path corpus = stratusOnlyCorpus();
        Path report = dir.resolve("report.json");

        int code = evaluate("--corpus", corpus.toString(), "--detect", "none", "--out", report.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("detection: none, 0 rules")
                .contains("Stratus captures with a threat of the expected tactic").contains("0 / 1 (0.0%)")
                .contains("aws.defense-evasion.cloudtrail-stop  expects TA0005 Stealth / TA0112 Defense Impairment");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("datasets").path("stratus").asText()).isEqualTo("evaluated");
        assertThat(json.path("datasets").path("invictus-aws-dataset").asText()).isEqualTo("absent");
        assertThat(json.path("datasets").path("panther").asText()).startsWith("failed: ").contains("cases.jsonl: line 1: not valid JSON");
        assertThat(json.path("figures").get(0).path("id").asText()).isEqualTo("stratus.detected");
        assertThat(json.path("stratus").path("files").get(0).path("outcome").asText()).isEqualTo("no-threat");
        assertThat(json.path("invictus").isNull()).isTrue();
    }

    @Test
    void evaluates_only_the_chosen_data_sets() {
        Path corpus = stratusOnlyCorpus();

        assertThat(evaluate("--corpus", corpus.toString(), "--detect", "none", "--dataset", "stratus")).isZero();
        assertThat(out.toString()).contains("stratus: evaluated").doesNotContain("panther");
    }

    @Test
    void rejects_bad_arguments_and_says_when_nothing_could_be_evaluated() throws IOException {
        assertThat(evaluate("--corpus", dir.resolve("absent").toString())).isEqualTo(2);
        assertThat(evaluate("--corpus", dir.toString(), "--dataset", "everything")).isEqualTo(2);
        assertThat(err.toString()).contains("no such directory").contains("--dataset everything: not a data set");

        assertThat(evaluate("--detect", "none")).isEqualTo(2);
        assertThat(evaluate("--corpus", dir.toString(), "--dataset", "simulated")).isEqualTo(2);
        assertThat(evaluate("--corpus", dir.toString(), "--simulate", "7", "--dataset", "stratus")).isEqualTo(2);
        assertThat(evaluate("--simulate", "7", "--dataset", "simulated", "--dataset", "stratus")).isEqualTo(2);
        assertThat(evaluate("--simulate", "7", "--simulate-days", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("give --corpus DIR, --simulate SEEDS, or both")
                .contains("--dataset simulated needs --simulate SEEDS").contains("--dataset does not name simulated")
                .contains("--dataset stratus needs --corpus DIR").contains("--simulate-days must be at least 1");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(evaluate("--corpus", empty.toString(), "--detect", "none")).isEqualTo(EvaluateCommand.NOTHING_EVALUATED);
        assertThat(err.toString()).contains("no data set could be evaluated");
    }

    @Test
    void evaluates_simulated_organisations_alone_without_a_corpus_and_reports_them_in_the_json() throws IOException {
        Path report = dir.resolve("simulated.json");

        int code = evaluate("--simulate", "7", "--simulate-days", "1", "--simulate-scale", "2000", "--detect", "none",
                "--out", report.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("simulated: evaluated").contains("Simulated attacks with a detection on a key event")
                .contains("Simulated organisations (1 day each, about 2000 events)").doesNotContain("stratus")
                .containsPattern("Simulated behavioural attacks \\(no rule sees them\\) detected on a key event +0 / 3 ")
                .contains("Simulated: behavioural attacks (no rule sees them) without a detection on a key event (3)")
                .containsPattern("seed 7  stolen-analyst-key-reads-secrets  expects .*: no detection on its events")
                .contains("Simulated behavioural look-alikes that raised a threat");
        assertThat(err.toString()).contains("simulating seed 7 (1 day)");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("corpus").isNull()).isTrue();
        assertThat(json.path("datasets").path("simulated").asText()).isEqualTo("evaluated");
        assertThat(json.path("simulated").path("seeds").get(0).path("seed").asLong()).isEqualTo(7);
        assertThat(json.path("simulated").path("seeds").get(0).path("attacksDetected").asLong()).as("--detect none").isZero();
        assertThat(json.path("figures").get(0).path("id").asText()).isEqualTo("simulated.attacksDetected");
        assertThat(json.path("simulated").path("seeds").get(0).path("behaviouralAttacks").asLong()).isEqualTo(3);
        assertThat(json.path("simulated").path("seeds").get(0).path("attackScenarios")).filteredOn(a -> a.path("signal").asText()
                .equals("behaviour")).hasSize(3);
    }

    @Test
    void the_rule_pack_alone_detects_none_of_the_behavioural_attacks_of_two_simulated_weeks() throws IOException {
        Path report = dir.resolve("rules.json");

        int code = evaluate("--simulate", "7", "--simulate-scale", "30000", "--detect", "rules", "--out", report.toString());

        assertThat(code).isZero();
        assertThat(err.toString()).as("two weeks by default").contains("simulating seed 7 (14 days)");
        JsonNode seed = new ObjectMapper().readTree(report.toFile()).path("simulated").path("seeds").get(0);
        assertThat(seed.path("attacksDetected").asLong()).as("the rules ran").isPositive();
        assertThat(seed.path("behaviouralAttacks").asLong()).isEqualTo(3);
        assertThat(seed.path("behaviouralAttacksDetected").asLong()).isZero();
        for (JsonNode attack : seed.path("attackScenarios")) {
            if (attack.path("signal").asText().equals("behaviour")) {
                assertThat(attack.path("outcome").asText()).as(attack.path("scenario").asText()).isEqualTo("missed");
                assertThat(attack.path("threats").size()).as(attack.path("scenario").asText()).isZero();
            }
        }
    }
}
