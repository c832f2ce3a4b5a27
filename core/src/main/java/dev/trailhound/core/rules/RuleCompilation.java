package dev.trailhound.core.rules;

import java.util.List;

/**
 * What compiling rules gave: the runnable set (rules without problems), every problem (each one keeps its rule
 * out of the set), and warnings that do not (an unknown ATT&amp;CK tag, a deprecated rule skipped).
 */
public record RuleCompilation(RuleSet ruleSet, List<RuleProblem> problems, List<RuleProblem> warnings) {
    public RuleCompilation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
