package dev.trailhound.app.scan;

import dev.trailhound.app.rules.PlaceholdersFile;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.baseline.AnomalyDetector;
import dev.trailhound.core.baseline.BaselineSettings;
import dev.trailhound.core.baseline.BaselineStore;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.rules.RuleCompilation;
import dev.trailhound.core.rules.RuleCompileOptions;
import dev.trailhound.core.rules.RuleEngine;
import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.formats.sigma.SigmaFile;
import dev.trailhound.rules.BuiltInRules;
import dev.trailhound.rules.RuleFiles;
import dev.trailhound.rules.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Builds the detectors of a detection mode: the rule engine over the built-in pack plus the user's rules, and
 * (with {@code all}) the anomaly baselines ({@link AnomalyDetector}). Rule problems stop the command with every problem
 * listed: a rule that cannot load never silently evaluates to false.
 */
public final class Detectors {
    private final List<Detector<?>> detectors;
    private final RuleEngine ruleEngine;
    private final RuleCompilation compilation;
    private final AnomalyDetector anomalies;

    private Detectors(List<Detector<?>> detectors, RuleEngine ruleEngine, RuleCompilation compilation, AnomalyDetector anomalies) {
        this.detectors = List.copyOf(detectors);
        this.ruleEngine = ruleEngine;
        this.compilation = compilation;
        this.anomalies = anomalies;
    }

    /**
     * @throws CommandLine.ParameterException listing every rule problem, when a rule cannot load, or when a
     *                                        disabled id names no rule
     */
    public static Detectors build(DetectMode mode, RuleOptions options, Organisation organisation, CommandLine.Model.CommandSpec spec) {
        return build(mode, options, BaselineSettings.defaults(), new BaselineStore(), organisation, spec);
    }

    /**
     * @param baselineSettings how anomaly baselines judge (learning period, IP intelligence); the automation identities of
     *                         {@code options} are added
     * @param baselines what the baselines start from (empty, or restored from a snapshot)
     * @throws CommandLine.ParameterException listing every rule problem, when a rule cannot load, or when a
     *                                        disabled id names no rule
     */
    public static Detectors build(DetectMode mode, RuleOptions options, BaselineSettings baselineSettings, BaselineStore baselines,
                                  Organisation organisation, CommandLine.Model.CommandSpec spec) {
        if (mode == DetectMode.NONE) {
            return new Detectors(List.of(), null, null, null);
        }
        List<SigmaFile> user = RuleFiles.read(options.rules);
        List<SigmaFile> files = options.noBuiltIn ? user : Rules.withUserRules(BuiltInRules.files(), user);
        RuleCompilation compilation = Rules.compile(files, AttackCatalog.v19(), new RuleCompileOptions(
                PlaceholdersFile.read(options.placeholders, spec), organisation::isOwn, Set.copyOf(options.disabled)));
        List<String> errors = new ArrayList<>();
        for (RuleProblem p : compilation.problems()) {
            errors.add(p.toString());
        }
        Set<String> known = new HashSet<>();
        files.forEach(f -> {
            f.rules().forEach(r -> known.add(r.metadata().key()));
            f.correlations().forEach(c -> known.add(c.metadata().key()));
            f.rules().stream().filter(r -> r.metadata().name() != null).forEach(r -> known.add(r.metadata().name()));
            f.correlations().stream().filter(c -> c.metadata().name() != null).forEach(c -> known.add(c.metadata().name()));
        });
        options.disabled.stream().filter(id -> !known.contains(id))
                .forEach(id -> errors.add("--disable-rule " + id + ": no rule or correlation has that id or name"));
        if (!errors.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the rules cannot be loaded (" + errors.size()
                    + " problems):\n" + String.join("\n", errors) + "\nfix them (check with 'trailhound rules check PATH'), or leave the rule out with --disable-rule ID");
        }
        RuleEngine engine = new RuleEngine(compilation.ruleSet(), new AutomationRecognizer(options.automation, concat(AutomationRecognizer.DEFAULT_SCANNERS, options.scanners)));
        if (mode == DetectMode.RULES) {
            return new Detectors(List.of(engine), engine, compilation, null);
        }
        AnomalyDetector anomalies = new AnomalyDetector(baselines,
                baselineSettings.withAutomation(options.automation), AttackCatalog.v19());
        return new Detectors(List.of(engine, anomalies), engine, compilation, anomalies);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public List<Detector<?>> detectors() {
        return detectors;
    }

    /** The rule engine, or null when rules do not run ({@code --detect none}). */
    public RuleEngine ruleEngine() {
        return ruleEngine;
    }

    /** The anomaly baselines, or null when they do not run (only with {@code --detect all}). */
    public AnomalyDetector anomalies() {
        return anomalies;
    }

    /** How many rules and correlations run. */
    public int ruleCount() {
        return compilation == null ? 0 : compilation.ruleSet().size();
    }
}
