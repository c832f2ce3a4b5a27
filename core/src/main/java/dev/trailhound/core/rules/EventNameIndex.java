package dev.trailhound.core.rules;

import dev.trailhound.core.rules.condition.Condition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out which {@code eventName}s a condition can possibly match, so that the rule set routes only those
 * events to the rule. A search constrains the name when one of its field tests is a plain (unmodified,
 * wildcard-free) equality on {@code eventName}; {@code and} takes the narrowest constraint of its operands,
 * {@code or} the union when every operand is constrained; {@code not} constrains nothing.
 */
final class EventNameIndex {
    private EventNameIndex() {
    }

    /** The possible names (as written), or null when any name may match. */
    static Set<String> required(Condition condition, RuleDefinition rule) {
        return switch (condition) {
            case Condition.SearchRef ref -> ofSearch(rule.searches().get(ref.name()));
            case Condition.Not not -> null;
            case Condition.And and -> narrowest(and.operands(), rule);
            case Condition.Or or -> union(or.operands().stream().map(c -> required(c, rule)).toList());
            case Condition.Quantified q -> {
                List<Set<String>> each = new java.util.ArrayList<>();
                for (String name : rule.searches().keySet()) {
                    if (q.them() ? !name.startsWith("_") : ConditionResolver.glob(q.pattern()).matcher(name).matches()) {
                        each.add(ofSearch(rule.searches().get(name)));
                    }
                }
                if (q.all()) {
                    yield each.stream().filter(s -> s != null).min((a, b) -> Integer.compare(a.size(), b.size())).orElse(null);
                }
                yield union(each);
            }
        };
    }

    private static Set<String> narrowest(List<Condition> operands, RuleDefinition rule) {
        Set<String> best = null;
        for (Condition c : operands) {
            Set<String> s = required(c, rule);
            if (s != null && (best == null || s.size() < best.size())) {
                best = s;
            }
        }
        return best;
    }

    private static Set<String> union(List<Set<String>> sets) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Set<String> s : sets) {
            if (s == null) {
                return null;
            }
            out.addAll(s);
        }
        return sets.isEmpty() ? null : out;
    }

    private static Set<String> ofSearch(SearchDefinition search) {
        if (!(search instanceof SearchDefinition.Fields fields) || fields.alternatives().isEmpty()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (List<FieldTest> map : fields.alternatives()) {
            Set<String> names = ofMap(map);
            if (names == null) {
                return null;
            }
            out.addAll(names);
        }
        return out;
    }

    private static Set<String> ofMap(List<FieldTest> map) {
        for (FieldTest test : map) {
            boolean plain = test.modifiers().isEmpty() || test.modifiers().equals(List.of("cased"));
            if (test.field().equals("eventName") && plain && !test.values().isEmpty()
                    && test.values().stream().allMatch(v -> v != null && v.indexOf('*') < 0 && v.indexOf('?') < 0 && v.indexOf('\\') < 0)) {
                return new HashSet<>(test.values());
            }
        }
        return null;
    }
}
