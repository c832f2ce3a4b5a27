package dev.trailhound.app.rules;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.rules.RuleCompilation;
import dev.trailhound.core.rules.RuleCompileOptions;
import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.formats.sigma.SigmaFile;
import dev.trailhound.rules.BuiltInRules;
import dev.trailhound.rules.RuleFiles;
import dev.trailhound.rules.Rules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trailhound rules check PATH...}: loads the rule files as {@code scan} would (with the built-in pack, so
 * that correlations may use built-in rules), prints one line per problem, and ends with
 * {@code checked N rules: M problems}. Exit 1 when there are problems.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validates Sigma rule files: one line per problem (file:line:column: what and what to do), then"
                + " 'checked N rules: M problems'. Exit code 1 when there are problems."})
public final class RulesCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--placeholders", paramLabel = "FILE", description = "YAML map of placeholder name to list of values, for 'expand'.")
    Path placeholders;

    @Option(names = "--warnings", description = "Also print warnings (unknown ATT&CK tags, deprecated rules skipped).")
    boolean warnings;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SigmaFile> user = RuleFiles.read(paths);
        List<SigmaFile> all = Rules.withUserRules(BuiltInRules.files(), user);
        RuleCompilation compiled = Rules.compile(all, AttackCatalog.v19(),
                new RuleCompileOptions(PlaceholdersFile.read(placeholders, spec), id -> false, java.util.Set.of()));
        List<String> userSources = user.stream().map(SigmaFile::source).toList();
        int problems = 0;
        for (RuleProblem p : compiled.problems()) {
            if (userSources.contains(p.where().file())) {
                out.println(p);
                problems++;
            }
        }
        if (warnings) {
            compiled.warnings().stream().filter(w -> userSources.contains(w.where().file())).forEach(w -> out.println("warning: " + w));
        }
        int other = user.stream().mapToInt(SigmaFile::otherLogSources).sum();
        out.println("checked " + Rules.count(user) + " rules: " + problems + " problems"
                + (other > 0 ? " (" + other + " rules for other log sources than CloudTrail skipped)" : ""));
        out.flush();
        return problems > 0 ? 1 : 0;
    }
}
