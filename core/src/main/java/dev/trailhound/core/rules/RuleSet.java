package dev.trailhound.core.rules;

import dev.trailhound.core.event.FieldSelection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, compiled set of rules and correlations, indexed so that an event is only tested against the
 * rules that can match its {@code eventName}. Most CloudTrail events (reads, AssumeRole, Decrypt...) have no
 * candidate rule at all and cost one map lookup. Swapped whole on reload ({@link RuleEngine#swap}).
 */
public final class RuleSet {
    private static final CompiledRule[] NONE = new CompiledRule[0];
    private static final int MAX_RESOLVED = 16_384;
    private static final RuleSet EMPTY = new RuleSet(List.of(), List.of());

    private final List<CompiledRule> rules;
    private final List<CompiledCorrelation> correlations;
    private final TreeMap<String, Route> byEventName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Route anyEventName;
    private final boolean organisational;
    /** Event names as they appear in events, resolved once each (the case-insensitive lookup costs more). */
    private final java.util.concurrent.ConcurrentHashMap<String, Route> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    /** The rules an event name routes to, and the paths into the record that they (and their correlations) read. */
    record Route(CompiledRule[] rules, FieldSelection fields) {
    }

    public RuleSet(List<CompiledRule> rules, List<CompiledCorrelation> correlations) {
        this.rules = List.copyOf(rules);
        this.correlations = List.copyOf(correlations);
        List<CompiledRule> any = new ArrayList<>();
        Map<String, List<CompiledRule>> specific = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (CompiledRule rule : this.rules) {
            if (rule.eventNames() == null) {
                any.add(rule);
            } else {
                rule.eventNames().forEach(name -> specific.computeIfAbsent(name, n -> new ArrayList<>()).add(rule));
            }
        }
        this.anyEventName = route(any);
        this.organisational = this.rules.stream().anyMatch(CompiledRule::organisational);
        specific.forEach((name, list) -> {
            List<CompiledRule> merged = new ArrayList<>(list);
            merged.addAll(any);
            merged.sort(Comparator.comparingInt(CompiledRule::index));
            byEventName.put(name, route(merged));
        });
    }

    public static RuleSet empty() {
        return EMPTY;
    }

    private Route route(List<CompiledRule> candidates) {
        return new Route(candidates.toArray(NONE), FieldSelection.of(RulePaths.of(candidates, correlations)));
    }

    /** The rules an event with this name may match, in rule order. */
    public CompiledRule[] candidates(String eventName) {
        return route(eventName).rules();
    }

    /** The paths into the record that the rules an event with this name may match read. */
    public FieldSelection fields(String eventName) {
        return route(eventName).fields();
    }

    Route route(String eventName) {
        if (eventName == null) {
            return anyEventName;
        }
        Route known = resolved.get(eventName);
        if (known != null) {
            return known;
        }
        Route found = byEventName.get(eventName);
        Route result = found != null ? found : anyEventName;
        if (resolved.size() >= MAX_RESOLVED) {
            resolved.clear();   // bounded: CloudTrail has a few thousand event names, a forged flood must not grow this
        }
        resolved.put(eventName, result);
        return result;
    }

    /** Whether some rule consults the organisation's accounts (and so is judged in event order, not ahead). */
    public boolean hasOrganisationalRules() {
        return organisational;
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    public List<CompiledCorrelation> correlations() {
        return correlations;
    }

    public CompiledRule rule(int index) {
        return rules.get(index);
    }

    public CompiledCorrelation correlation(int index) {
        return correlations.get(index);
    }

    public Optional<CompiledRule> rule(String id) {
        return rules.stream().filter(r -> id.equals(r.metadata().id()) || id.equals(r.metadata().name())).findFirst();
    }

    public int size() {
        return rules.size() + correlations.size();
    }

    /** How many rules are tested for every event, whatever its name (rules without an eventName constraint). */
    public int unindexedRules() {
        return anyEventName.rules().length;
    }
}
