package dev.trailhound.app.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the evaluation of each chosen data set found under a corpus root, and of the simulated organisations
 * asked for. The corpus is only read: nothing of it is copied anywhere but to temporary files of single
 * records, deleted when the data set is done; simulated organisations are written to temporary directories,
 * deleted when scanned.
 */
public final class Evaluation {
    static final String EVALUATED = "evaluated";
    static final String ABSENT = "absent";

    private Evaluation() {
    }

    /**
     * @param corpus     the corpus root, holding one directory per data set; null when no corpus data set is chosen
     * @param datasets   the data sets to evaluate (those absent from the corpus are reported as absent)
     * @param simulation the simulated organisations to evaluate, or null for none
     * @param scanner    runs the scan pipeline
     * @param detection  what runs, for the report ("all, 150 rules")
     * @param now        the time to stamp the report with
     * @param progress   receives a line now and then during long data sets (the simulated ones)
     */
    public static EvaluationReport run(Path corpus, Set<Dataset> datasets, SimulationPlan simulation, CorpusScanner scanner,
            String detection, Instant now, Consumer<String> progress) {
        if (corpus == null && !datasets.isEmpty()) {
            throw new IllegalArgumentException("corpus data sets " + datasets + " need a corpus root");
        }
        Map<String, String> status = new LinkedHashMap<>();
        Map<Dataset, DatasetReport> reports = new EnumMap<>(Dataset.class);
        List<Figure> figures = new ArrayList<>();
        for (Dataset d : datasets) {
            Path dir = corpus.resolve(d.directory());
            if (!Files.isDirectory(dir)) {
                status.put(d.directory(), ABSENT);
                continue;
            }
            try {
                DatasetReport report = d.evaluate(dir, scanner);
                reports.put(d, report);
                figures.addAll(report.figures());
                status.put(d.directory(), EVALUATED);
            } catch (CorpusException e) {
                status.put(d.directory(), "failed: " + e.getMessage());
            }
        }
        SimulatedReport simulated = null;
        if (simulation != null) {
            try {
                simulated = SimulatedEvaluation.evaluate(simulation, scanner, progress);
                figures.addAll(simulated.figures());
                status.put(SimulatedEvaluation.NAME, EVALUATED);
            } catch (CorpusException e) {
                status.put(SimulatedEvaluation.NAME, "failed: " + e.getMessage());
            }
        }
        return new EvaluationReport(now.toString(), corpus == null ? null : corpus.toString(), detection, status, figures,
                scanner.ruleFailures(), (StratusReport) reports.get(Dataset.STRATUS), (InvictusReport) reports.get(Dataset.INVICTUS),
                (PantherReport) reports.get(Dataset.PANTHER), (ScenariosReport) reports.get(Dataset.PANTHER_SCENARIOS),
                (OtrfReport) reports.get(Dataset.OTRF), simulated);
    }
}
