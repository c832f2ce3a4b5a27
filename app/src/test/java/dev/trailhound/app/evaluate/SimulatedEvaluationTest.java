package dev.trailhound.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.account.Organisation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small simulation (one day, a few thousand events) written through the simulator's API and scanned. */
class SimulatedEvaluationTest {
    @Test
    void simulates_scans_with_the_organisations_accounts_scores_and_deletes_each_organisation() {
        List<Organisation> organisations = new ArrayList<>();
        CorpusScanner scanner = new CorpusScanner(organisation -> {
            organisations.add(organisation);
            return List.of(new ActionTableDetector(Map.of(
                    "CreateUser", "T1136.003",         // the leaked CI key's backdoor user: Persistence
                    "CreateAccessKey", "T1098.001")));  // also the benign rotation of the Jenkins user's key
        }, 1);
        List<String> progress = new ArrayList<>();

        SimulatedReport report = SimulatedEvaluation.evaluate(new SimulationPlan(List.of(7L), 1, 2_000, 2), scanner, progress::add);

        SimulatedSeed seed = report.seeds().get(0);
        assertThat(seed.seed()).isEqualTo(7);
        assertThat(seed.events()).isPositive();
        assertThat(seed.rejections()).as("only AWSLogs/ is scanned, not labels.json").isEmpty();
        assertThat(organisations).singleElement().satisfies(o -> assertThat(o.names()).containsValues("prod", "staging", "dev"));
        assertThat(seed.attackScenarios()).filteredOn(a -> a.scenario().equals("leaked-ci-key-admin-backdoor")).singleElement()
                .satisfies(a -> {
                    assertThat(a.outcome()).isEqualTo("detected");
                    assertThat(a.withTactic()).isTrue();
                });
        assertThat(seed.attackScenarios()).filteredOn(a -> a.scenario().equals("s3-ransomware")).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo("missed"));
        assertThat(seed.benignScenarios()).filteredOn(b -> b.scenario().equals("access-key-rotation")).singleElement()
                .satisfies(b -> assertThat(b.raised()).isTrue());
        assertThat(seed.falsePositives()).anySatisfy(f -> assertThat(f.lookAlikes()).contains("access-key-rotation"));
        assertThat(seed.falsePositiveThreats()).isEqualTo(seed.falsePositives().size());
        assertThat(report.figures()).extracting(Figure::id).containsExactly("simulated.attacksDetected",
                "simulated.attacksDetectedWithTactic", "simulated.behaviouralAttacksDetected", "simulated.benignWithThreat",
                "simulated.behaviouralBenignWithThreat", "simulated.falsePositiveThreats");
        assertThat(seed.behaviouralAttacks()).isEqualTo(3);
        assertThat(seed.behaviouralAttacksDetected()).as("the action table names none of their calls").isZero();
        assertThat(report.figures().get(2).of()).isEqualTo(3);
        assertThat(report.figures().get(0).value()).isEqualTo(seed.attacksDetected());
        assertThat(report.figures().get(0).of()).isEqualTo(seed.attacks());
        Path written = Path.of(progress.get(0).substring(progress.get(0).lastIndexOf(" in ") + 4));
        assertThat(Files.exists(written)).as("the simulated organisation is deleted").isFalse();
    }
}
