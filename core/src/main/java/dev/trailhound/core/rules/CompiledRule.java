package dev.trailhound.core.rules;

import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.rules.match.Predicate;
import java.util.List;
import java.util.Set;

/**
 * A detection rule ready to run: its condition compiled into one {@link Predicate}, its ATT&amp;CK mapping
 * resolved, and what the rule set needs to route events to it.
 *
 * @param severity     from the rule's level; null for informational rules, which only feed correlations
 * @param eventNames   the event names the rule can possibly match (lower case), or null when any may
 * @param searches     every named search, compiled, for explanations and test traces
 * @param positives    the names of the searches that count for the rule when true (not under a {@code not})
 * @param emits        whether a match raises a detection of its own (not when informational, or when a
 *                     correlation that uses it says {@code generate: false})
 * @param correlations the indexes of the correlations this rule feeds, in the rule set
 * @param organisational the rule consults the organisation's accounts ({@code %external_accounts%}...): its
 *                     verdict depends on the accounts seen so far, so it is judged in event order
 */
public record CompiledRule(int index, RuleMetadata metadata, Predicate predicate, Severity severity, List<Tactic> tactics,
        List<Technique> techniques, Set<String> eventNames, List<NamedSearch> searches, Set<String> positives, boolean emits, int[] correlations,
        boolean organisational) {

    /** A search of the rule with its compiled predicate. */
    public record NamedSearch(String name, Predicate predicate) {
    }

    public String id() {
        return metadata.key();
    }

    public boolean includesAutomation() {
        return metadata.automation();
    }

    /** True when the rule judges reading only (all its tactics are Discovery or Collection), as scanners do. */
    public boolean readsOnly() {
        return !tactics.isEmpty() && tactics.stream().allMatch(t -> t.id().equals("TA0007") || t.id().equals("TA0009"));
    }
}
