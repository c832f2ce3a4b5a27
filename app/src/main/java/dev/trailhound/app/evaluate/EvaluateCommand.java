package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trailhound.app.scan.DetectMode;
import dev.trailhound.app.scan.Detectors;
import dev.trailhound.app.scan.RuleOptions;
import dev.trailhound.core.account.Organisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trailhound evaluate}: detection quality on the labelled public corpus, with the detectors of {@code scan}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measures detection quality on a labelled corpus (Stratus Red Team captures, the Invictus IR run,"
                + " Panther rule tests and scenarios, the OTRF cloud breach), running the same pipeline and detectors as scan."
                + " Prints the figures and what was missed or falsely raised; --out writes it all as JSON. See docs/evaluation.md.",
                "Exit codes: 0 the evaluation ran (whatever the figures), 2 bad arguments, 3 no data set could be evaluated."})
public final class EvaluateCommand implements Callable<Integer> {
    static final int NOTHING_EVALUATED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR",
            description = "The corpus root: stratus/, invictus-aws-dataset/, panther/, panther-scenarios/, otrf-cloud-breach-s3/ (each optional).")
    Path corpus;

    @Option(names = "--out", paramLabel = "REPORT.json", description = "Write the whole report (figures, every case, misses, false threats) here as JSON.")
    Path out;

    @Option(names = "--detect", defaultValue = "all", paramLabel = "none|rules|all",
            description = "Detection to run, as for scan. Default: ${DEFAULT-VALUE}.")
    DetectMode detect;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Evaluate only this data set (repeatable): stratus, invictus-aws-dataset, panther, panther-scenarios, otrf-cloud-breach-s3.")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Reader threads of each scan (the files are small). Default: ${DEFAULT-VALUE}.")
    int threads;

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
        if (!Files.isDirectory(corpus)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--corpus " + corpus + ": no such directory");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        Set<Dataset> chosen = chosenDatasets();
        Detectors first = Detectors.build(detect, ruleOptions, Organisation.empty(), spec);
        String detection = detect.name().toLowerCase(java.util.Locale.ROOT) + ", " + first.ruleCount() + " rules";
        CorpusScanner scanner = new CorpusScanner(organisation -> Detectors.build(detect, ruleOptions, organisation, spec).detectors(), threads);
        EvaluationReport report = Evaluation.run(corpus, chosen, scanner, detection, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        new ReportTable(spec.commandLine().getOut()).print(report);
        if (out != null) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(out, json.writeValueAsString(report) + "\n");
        }
        boolean any = report.datasets().values().stream().anyMatch(Evaluation.EVALUATED::equals);
        if (!any) {
            spec.commandLine().getErr().println("no data set could be evaluated under " + corpus + ": " + report.datasets());
        }
        return any ? 0 : NOTHING_EVALUATED;
    }

    private Set<Dataset> chosenDatasets() {
        if (datasets.isEmpty()) {
            return EnumSet.allOf(Dataset.class);
        }
        Set<Dataset> chosen = EnumSet.noneOf(Dataset.class);
        for (String name : datasets) {
            chosen.add(Dataset.named(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--dataset " + name + ": not a data set; use one of stratus, invictus-aws-dataset, panther, panther-scenarios, otrf-cloud-breach-s3")));
        }
        return chosen;
    }
}
