package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trailhound.app.scan.DetectMode;
import dev.trailhound.app.scan.Detectors;
import dev.trailhound.app.scan.RuleOptions;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.baseline.BaselineSettings;
import dev.trailhound.core.baseline.BaselineStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code trailhound evaluate}: detection quality on the labelled public corpus, with the detectors of {@code scan}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measures detection quality on a labelled corpus (Stratus Red Team captures, the Invictus IR run,"
                + " Panther rule tests and scenarios, the OTRF cloud breach) and, with --simulate, on simulated organisations,"
                + " running the same pipeline and detectors as scan."
                + " Prints the figures and what was missed or falsely raised; --out writes it all as JSON. See docs/evaluation.md.",
                "Exit codes: 0 the evaluation ran (whatever the figures), 2 bad arguments, 3 no data set could be evaluated."})
public final class EvaluateCommand implements Callable<Integer> {
    static final int NOTHING_EVALUATED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "The corpus root: stratus/, invictus-aws-dataset/, panther/, panther-scenarios/, otrf-cloud-breach-s3/ (each optional)."
                    + " Not needed when only simulated organisations are evaluated.")
    Path corpus;

    @Option(names = "--simulate", split = ",", paramLabel = "SEEDS",
            description = "Also evaluate simulated organisations, one per seed (e.g. 7,11,23): each is written by the simulator to a"
                    + " temporary directory, scanned with its accounts.json and scored against its labels.json, then deleted."
                    + " Off unless given (about a minute and a half per simulated week).")
    List<Long> simulate = new ArrayList<>();

    @Option(names = "--simulate-days", defaultValue = "14", paramLabel = "N",
            description = "Days of activity of each simulated organisation. Default: ${DEFAULT-VALUE} (behavioural baselines"
                    + " learn for 7 days, and the behavioural attacks come in the last quarter).")
    int simulateDays;

    @Option(names = "--simulate-scale", defaultValue = "0", paramLabel = "EVENTS",
            description = "Approximate events of each simulated organisation; 0 for its natural volume (about 80,000 a day). Default: ${DEFAULT-VALUE}.")
    long simulateScale;

    @Option(names = "--out", paramLabel = "REPORT.json", description = "Write the whole report (figures, every case, misses, false threats) here as JSON.")
    Path out;

    @Option(names = "--detect", defaultValue = "all", paramLabel = "none|rules|all",
            description = "Detection to run, as for scan. Default: ${DEFAULT-VALUE}.")
    DetectMode detect;

    @Option(names = "--learning-days", defaultValue = "7", paramLabel = "DAYS",
            description = "How long anomaly baselines learn before they judge, as for scan; fractions allowed here (0.01 is about"
                    + " 15 minutes) for corpus captures shorter than a day. Default: ${DEFAULT-VALUE}.")
    double learningDays;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Evaluate only this data set (repeatable): stratus, invictus-aws-dataset, panther, panther-scenarios,"
                    + " otrf-cloud-breach-s3, simulated (with --simulate).")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
            description = "Reader threads of each scan. Default: 1 for the corpus (its files are small), the number of cores for"
                    + " simulated organisations.")
    Integer threads;

    @CommandLine.Mixin
    RuleOptions ruleOptions = new RuleOptions();

    private final Clock clock;

    public EvaluateCommand() {
        this(Clock.systemUTC());
    }

    EvaluateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        if (corpus == null && simulate.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --corpus DIR, --simulate SEEDS, or both");
        }
        if (corpus != null && !Files.isDirectory(corpus)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--corpus " + corpus + ": no such directory");
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        Set<Dataset> chosen = chosenDatasets();
        SimulationPlan simulation = simulation();
        if (!(learningDays >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--learning-days must be 0 or more, got " + learningDays);
        }
        Duration learning = Duration.ofMillis(Math.round(learningDays * 86_400_000d));
        BaselineSettings baselineSettings = BaselineSettings.defaults().withLearning(learning);
        Detectors first = Detectors.build(detect, ruleOptions, baselineSettings, new BaselineStore(), Organisation.empty(), spec);
        String detection = detect.name().toLowerCase(java.util.Locale.ROOT) + ", " + first.ruleCount() + " rules";
        CorpusScanner scanner = new CorpusScanner(organisation -> Detectors.build(detect, ruleOptions, baselineSettings, new BaselineStore(),
                organisation, spec).detectors(),
                threads != null ? threads : 1);
        PrintWriter err = spec.commandLine().getErr();
        EvaluationReport report = Evaluation.run(corpus, chosen, simulation, scanner, detection,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), line -> {
                    err.println(line);
                    err.flush();
                });
        new ReportTable(spec.commandLine().getOut()).print(report);
        if (out != null) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(out, json.writeValueAsString(report) + "\n");
        }
        boolean any = report.datasets().values().stream().anyMatch(Evaluation.EVALUATED::equals);
        if (!any) {
            err.println("no data set could be evaluated" + (corpus == null ? "" : " under " + corpus) + ": " + report.datasets());
        }
        return any ? 0 : NOTHING_EVALUATED;
    }

    /**
     * The corpus data sets to evaluate: those named by {@code --dataset}, or with none named, all of them when a
     * corpus is given.
     */
    private Set<Dataset> chosenDatasets() {
        Set<Dataset> chosen = EnumSet.noneOf(Dataset.class);
        if (datasets.isEmpty()) {
            return corpus == null ? chosen : EnumSet.allOf(Dataset.class);
        }
        for (String name : datasets) {
            if (isSimulated(name)) {
                continue;
            }
            chosen.add(Dataset.named(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--dataset " + name + ": not a data set; use one of stratus, invictus-aws-dataset, panther, panther-scenarios,"
                            + " otrf-cloud-breach-s3, simulated")));
        }
        if (!chosen.isEmpty() && corpus == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dataset " + chosen.iterator().next().directory()
                    + " needs --corpus DIR");
        }
        return chosen;
    }

    /** The simulated organisations to evaluate, or null when not asked for. */
    private SimulationPlan simulation() {
        boolean named = datasets.stream().anyMatch(EvaluateCommand::isSimulated);
        if (named && simulate.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dataset simulated needs --simulate SEEDS, e.g. --simulate 7,11,23");
        }
        if (simulate.isEmpty()) {
            return null;
        }
        if (!datasets.isEmpty() && !named) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--simulate: --dataset does not name simulated; add --dataset simulated, or leave --dataset out to evaluate everything given");
        }
        if (simulateDays < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--simulate-days must be at least 1, got " + simulateDays);
        }
        if (simulateScale < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--simulate-scale must not be negative, got " + simulateScale);
        }
        return new SimulationPlan(new ArrayList<>(new LinkedHashSet<>(simulate)), simulateDays, simulateScale,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
    }

    private static boolean isSimulated(String name) {
        return SimulatedEvaluation.NAME.equals(name.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
