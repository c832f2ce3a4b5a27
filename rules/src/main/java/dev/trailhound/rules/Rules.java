package dev.trailhound.rules;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.rules.CorrelationDefinition;
import dev.trailhound.core.rules.RuleCompilation;
import dev.trailhound.core.rules.RuleCompileOptions;
import dev.trailhound.core.rules.RuleCompiler;
import dev.trailhound.core.rules.RuleDefinition;
import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.formats.sigma.SigmaFile;
import java.util.ArrayList;
import java.util.List;

/** Compiles parsed Sigma files together (a correlation may use a rule of another file). */
public final class Rules {
    private Rules() {
    }

    /** Compiles every rule of {@code files}; parse problems come first in the result's problems. */
    public static RuleCompilation compile(List<SigmaFile> files, AttackCatalog catalog, RuleCompileOptions options) {
        List<RuleDefinition> rules = new ArrayList<>();
        List<CorrelationDefinition> correlations = new ArrayList<>();
        List<RuleProblem> parseProblems = new ArrayList<>();
        for (SigmaFile f : files) {
            rules.addAll(f.rules());
            correlations.addAll(f.correlations());
            parseProblems.addAll(f.problems());
        }
        RuleCompilation compiled = new RuleCompiler(catalog, options).compile(rules, correlations);
        List<RuleProblem> problems = new ArrayList<>(parseProblems);
        problems.addAll(compiled.problems());
        return new RuleCompilation(compiled.ruleSet(), problems, compiled.warnings());
    }

    /** Rules and correlations defined in {@code files}. */
    public static int count(List<SigmaFile> files) {
        return files.stream().mapToInt(f -> f.rules().size() + f.correlations().size()).sum();
    }
}
