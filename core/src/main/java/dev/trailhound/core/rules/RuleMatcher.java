package dev.trailhound.core.rules;

import dev.trailhound.core.rules.match.Predicate;
import java.util.List;
import java.util.Set;

/** A rule after its first compilation pass: matching is known, its role among correlations not yet. */
record RuleMatcher(RuleMetadata metadata, Predicate predicate, Set<String> eventNames, List<CompiledRule.NamedSearch> searches, Set<String> positives,
        AttackTags.Mapping mapping) {
}
