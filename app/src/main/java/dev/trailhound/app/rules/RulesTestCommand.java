package dev.trailhound.app.rules;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.formats.sigma.RuleTestFile;
import dev.trailhound.formats.sigma.RuleTestParser;
import dev.trailhound.formats.sigma.SigmaFile;
import dev.trailhound.rules.BuiltInRules;
import dev.trailhound.rules.RuleFiles;
import dev.trailhound.rules.Rules;
import dev.trailhound.rules.testing.CaseResult;
import dev.trailhound.rules.testing.RuleTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trailhound rules test PATH...}: runs {@code *.tests.yml} files against their sibling rules (with the
 * built-in pack loaded too), one line per case, and a total. Exit 1 when a case fails or a rule has problems.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs rule test files (<rule>.tests.yml beside <rule>.yml): one line per case, 'why not' traces for"
                + " failures, then a total. Exit code 1 when a case fails."})
public final class RulesTestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files, rule files or directories.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> testFiles = RuleFiles.testFiles(paths);
        List<Path> ruleFiles = new ArrayList<>();
        for (Path t : testFiles) {
            ruleFiles.add(RuleFiles.ruleFileOf(t));
        }
        List<SigmaFile> user = RuleFiles.read(ruleFiles.stream().distinct().toList());
        List<SigmaFile> all = Rules.withUserRules(BuiltInRules.files(), user);
        RuleTestRunner runner = new RuleTestRunner(all, AttackCatalog.v19());
        int failed = 0;
        int passed = 0;
        for (RuleProblem p : runner.compilation().problems()) {
            if (ruleFiles.stream().anyMatch(r -> r.toString().equals(p.where().file()))) {
                out.println("problem: " + p);
                failed++;
            }
        }
        RuleTestParser parser = new RuleTestParser();
        for (int i = 0; i < testFiles.size(); i++) {
            Path testFile = testFiles.get(i);
            RuleTestFile tests = parser.parse(testFile.toString(), Files.readString(testFile));
            for (RuleProblem p : tests.problems()) {
                out.println("problem: " + p);
                failed++;
            }
            Set<String> underTest = underTest(tests, user, ruleFiles.get(i));
            for (CaseResult r : runner.run(tests, underTest)) {
                out.println((r.passed() ? "pass  " : "FAIL  ") + testFile + " :: " + r.caseName()
                        + " (expect " + (r.expectMatch() ? "match" : "no_match") + ")");
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                    out.println(r.detail().indent(6).stripTrailing());
                }
            }
        }
        out.println("ran " + (passed + failed) + " cases: " + passed + " passed, " + failed + " failed");
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    /** The rule named by the test file, or every rule and correlation of its sibling rule file. */
    private static Set<String> underTest(RuleTestFile tests, List<SigmaFile> user, Path ruleFile) {
        Set<String> ids = new LinkedHashSet<>();
        if (tests.rule() != null) {
            ids.add(tests.rule());
            return ids;
        }
        for (SigmaFile f : user) {
            if (f.source().equals(ruleFile.toString())) {
                f.rules().forEach(r -> ids.add(r.metadata().key()));
                f.correlations().forEach(c -> ids.add(c.metadata().key()));
            }
        }
        return ids;
    }
}
