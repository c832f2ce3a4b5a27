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

/**
 * Runs the evaluation of each chosen data set found under a corpus root. The corpus is only read: nothing of
 * it is copied anywhere but to temporary files of single records, deleted when the data set is done.
 */
public final class Evaluation {
    static final String EVALUATED = "evaluated";
    static final String ABSENT = "absent";

    private Evaluation() {
    }

    /**
     * @param corpus    the corpus root, holding one directory per data set
     * @param datasets  the data sets to evaluate (those absent from the corpus are reported as absent)
     * @param scanner   runs the scan pipeline
     * @param detection what runs, for the report ("all, 150 rules")
     * @param now       the time to stamp the report with
     */
    public static EvaluationReport run(Path corpus, Set<Dataset> datasets, CorpusScanner scanner, String detection, Instant now) {
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
        return new EvaluationReport(now.toString(), corpus.toString(), detection, status, figures, scanner.ruleFailures(),
                (StratusReport) reports.get(Dataset.STRATUS), (InvictusReport) reports.get(Dataset.INVICTUS),
                (PantherReport) reports.get(Dataset.PANTHER), (ScenariosReport) reports.get(Dataset.PANTHER_SCENARIOS),
                (OtrfReport) reports.get(Dataset.OTRF));
    }
}
