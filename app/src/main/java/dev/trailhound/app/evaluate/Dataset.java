package dev.trailhound.app.evaluate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/** The labelled data sets of the corpus, each in its directory under the corpus root. */
public enum Dataset {
    STRATUS("stratus", StratusEvaluation::evaluate),
    INVICTUS("invictus-aws-dataset", InvictusEvaluation::evaluate),
    PANTHER("panther", PantherCasesEvaluation::evaluate),
    PANTHER_SCENARIOS("panther-scenarios", PantherScenariosEvaluation::evaluate),
    OTRF("otrf-cloud-breach-s3", OtrfEvaluation::evaluate);

    private final String directory;
    private final BiFunction<Path, CorpusScanner, DatasetReport> evaluation;

    Dataset(String directory, BiFunction<Path, CorpusScanner, DatasetReport> evaluation) {
        this.directory = directory;
        this.evaluation = evaluation;
    }

    /** The directory under the corpus root, which is also the name {@code --dataset} takes. */
    public String directory() {
        return directory;
    }

    DatasetReport evaluate(Path dir, CorpusScanner scanner) {
        return evaluation.apply(dir, scanner);
    }

    public static Optional<Dataset> named(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Dataset d : values()) {
            if (d.directory.equals(key) || d.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
