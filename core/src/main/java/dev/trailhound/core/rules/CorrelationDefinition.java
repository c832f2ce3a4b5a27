package dev.trailhound.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma correlation rule as written: several matches of other rules, counted or put in order, within a
 * timespan, grouped by fields.
 *
 * @param type      event_count, value_count, temporal or temporal_ordered
 * @param rules     the ids or names of the rules it correlates
 * @param groupBy   fields whose values must be equal across the correlated events
 * @param timespan  as written, e.g. {@code 10m}, {@code 1h}, {@code 30s}, {@code 1d}
 * @param condition comparison operator (gt, gte, lt, lte, eq, neq) to the threshold as written
 * @param field     for value_count: the field whose distinct values are counted
 * @param generate  whether the correlated rules also raise detections of their own
 */
public record CorrelationDefinition(RuleMetadata metadata, String type, List<String> rules, List<String> groupBy,
        String timespan, Map<String, String> condition, String field, boolean generate, SourceLocation typeWhere) {
    public CorrelationDefinition {
        Objects.requireNonNull(metadata, "metadata");
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        condition = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(condition));
    }
}
