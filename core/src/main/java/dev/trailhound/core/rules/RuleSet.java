package dev.trailhound.core.rules;

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
    private final TreeMap<String, CompiledRule[]> byEventName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final CompiledRule[] anyEventName;
    /** Event names as they appear in events, resolved once each (the case-insensitive lookup costs more). */
    private final java.util.concurrent.ConcurrentHashMap<String, CompiledRule[]> resolved = new java.util.concurrent.ConcurrentHashMap<>();

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
        this.anyEventName = any.toArray(NONE);
        specific.forEach((name, list) -> {
            List<CompiledRule> merged = new ArrayList<>(list);
            merged.addAll(any);
            merged.sort(Comparator.comparingInt(CompiledRule::index));
            byEventName.put(name, merged.toArray(NONE));
        });
    }

    public static RuleSet empty() {
        return EMPTY;
    }

    /** The rules an event with this name may match, in rule order. */
    public CompiledRule[] candidates(String eventName) {
        if (eventName == null) {
            return anyEventName;
        }
        CompiledRule[] known = resolved.get(eventName);
        if (known != null) {
            return known;
        }
        CompiledRule[] found = byEventName.get(eventName);
        CompiledRule[] result = found != null ? found : anyEventName;
        if (resolved.size() >= MAX_RESOLVED) {
            resolved.clear();   // bounded: CloudTrail has a few thousand event names, a forged flood must not grow this
        }
        resolved.put(eventName, result);
        return result;
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
        return anyEventName.length;
    }
}
