package dev.trailhound.formats.sigma;

import dev.trailhound.core.rules.CorrelationDefinition;
import dev.trailhound.core.rules.RuleDefinition;
import dev.trailhound.core.rules.RuleProblem;
import java.util.List;

/**
 * What one Sigma file holds: its rules and correlations (a file may hold several YAML documents), the problems
 * that kept documents out, and how many rules were for other log sources than CloudTrail (skipped, not wrong).
 */
public record SigmaFile(String source, List<RuleDefinition> rules, List<CorrelationDefinition> correlations,
        List<RuleProblem> problems, int otherLogSources) {
    public SigmaFile {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        problems = List.copyOf(problems);
    }
}
