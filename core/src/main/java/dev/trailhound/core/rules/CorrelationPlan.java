package dev.trailhound.core.rules;

import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.rules.match.FieldAccessor;

/**
 * A correlation whose definition checked out, before it gets its place in the rule set.
 *
 * @param members as in {@link CompiledCorrelation#members()}, with correlations numbered by definition order
 */
record CorrelationPlan(RuleMetadata metadata, CorrelationType type, int[] members, FieldAccessor[] groupBy,
        long timespanMillis, long threshold, boolean strictlyGreater, FieldAccessor valueField, boolean generate,
        Severity severity) {
}
