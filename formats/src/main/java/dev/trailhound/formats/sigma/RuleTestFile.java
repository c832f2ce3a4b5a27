package dev.trailhound.formats.sigma;

import dev.trailhound.core.rules.RuleProblem;
import java.util.List;

/**
 * A rule test file ({@code <rule>.tests.yml}).
 *
 * @param rule  the id or name of the rule under test, or null for every rule of the sibling rule file
 * @param cases the cases in file order
 */
public record RuleTestFile(String source, String rule, List<RuleTestCase> cases, List<RuleProblem> problems) {
    public RuleTestFile {
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
    }
}
