package dev.trailhound.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma detection rule as written: metadata, named searches and the condition(s) combining them. Produced by
 * the Sigma parser (with locations), turned into matchers by {@link RuleCompiler}.
 *
 * @param conditions one or more condition expressions; several are alternatives (any one may hold)
 */
public record RuleDefinition(RuleMetadata metadata, Map<String, SearchDefinition> searches, List<ConditionText> conditions) {
    public RuleDefinition {
        Objects.requireNonNull(metadata, "metadata");
        searches = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(searches));
        conditions = List.copyOf(conditions);
    }
}
