package dev.trailhound.core.rules;

import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.rules.match.FieldAccessor;
import java.util.List;

/**
 * A correlation ready to run. It is evaluated per principal (the core's partition key): group-by fields refine
 * the principal's matches further, they never join matches of different principals.
 *
 * @param members         what it correlates, in the order listed: {@code i >= 0} is rule {@code i} of the rule set,
 *                        {@code i < 0} is correlation {@code -i - 1} (a chained correlation)
 * @param threshold       the count to reach (event_count, value_count) or the number of distinct members (temporal)
 * @param strictlyGreater the condition was {@code gt} rather than {@code gte}/{@code eq}
 * @param valueField      for value_count, the field whose distinct values are counted; else null
 * @param severity        from its level; null when it only feeds another correlation
 * @param emits           whether it raises a detection of its own when complete
 * @param feeds           the correlations that use this one as a member
 */
public record CompiledCorrelation(int index, RuleMetadata metadata, CorrelationType type, int[] members,
        FieldAccessor[] groupBy, long timespanMillis, long threshold, boolean strictlyGreater, FieldAccessor valueField,
        Severity severity, boolean emits, List<Tactic> tactics, List<Technique> techniques, int[] feeds) {

    public String id() {
        return metadata.key();
    }

    /** Whether {@code count} satisfies the condition. */
    public boolean reached(long count) {
        return strictlyGreater ? count > threshold : count >= threshold;
    }

    /** The position of rule {@code ruleIndex} among the members, or -1. */
    public int positionOfRule(int ruleIndex) {
        return position(ruleIndex);
    }

    /** The position of correlation {@code correlationIndex} among the members, or -1. */
    public int positionOfCorrelation(int correlationIndex) {
        return position(-correlationIndex - 1);
    }

    private int position(int member) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] == member) {
                return i;
            }
        }
        return -1;
    }
}
