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

    /**
     * The built-in pack plus the user's files, where a user rule with the id (or name) of a built-in rule replaces
     * it: so a copy of a built-in rule can be edited and tested, and a pack directory can be checked as it is.
     */
    public static List<SigmaFile> withUserRules(List<SigmaFile> builtIn, List<SigmaFile> user) {
        java.util.Set<String> userKeys = new java.util.HashSet<>();
        for (SigmaFile f : user) {
            f.rules().forEach(r -> keys(r.metadata(), userKeys));
            f.correlations().forEach(c -> keys(c.metadata(), userKeys));
        }
        List<SigmaFile> out = new ArrayList<>();
        for (SigmaFile f : builtIn) {
            List<RuleDefinition> rules = f.rules().stream().filter(r -> !replaced(r.metadata(), userKeys)).toList();
            List<CorrelationDefinition> correlations = f.correlations().stream().filter(c -> !replaced(c.metadata(), userKeys)).toList();
            out.add(new SigmaFile(f.source(), rules, correlations, f.problems(), f.otherLogSources()));
        }
        out.addAll(user);
        return out;
    }

    private static void keys(dev.trailhound.core.rules.RuleMetadata m, java.util.Set<String> into) {
        if (m.id() != null) {
            into.add(m.id());
        }
        if (m.name() != null) {
            into.add(m.name());
        }
    }

    private static boolean replaced(dev.trailhound.core.rules.RuleMetadata m, java.util.Set<String> userKeys) {
        return m.id() != null && userKeys.contains(m.id()) || m.name() != null && userKeys.contains(m.name());
    }

    /** Rules and correlations defined in {@code files}. */
    public static int count(List<SigmaFile> files) {
        return files.stream().mapToInt(f -> f.rules().size() + f.correlations().size()).sum();
    }
}
