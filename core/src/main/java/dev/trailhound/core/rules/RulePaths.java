package dev.trailhound.core.rules;

import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.rules.match.FieldAccessor;
import dev.trailhound.core.rules.match.Predicate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The paths into a record that some rules read through its JSON tree: their conditions, the group-by and counted
 * fields of the correlations they feed (and of the correlations those feed), and what automation recognition
 * reads. Fields the reader decodes into the event are not paths: they are read without a tree.
 */
final class RulePaths {
    private RulePaths() {
    }

    static Set<String> of(Collection<CompiledRule> rules, List<CompiledCorrelation> correlations) {
        Set<String> paths = new TreeSet<>(AutomationRecognizer.TREE_PATHS);
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> fed = new ArrayDeque<>();
        for (CompiledRule rule : rules) {
            collect(rule.predicate(), paths);
            for (int c : rule.correlations()) {
                fed.add(c);
            }
        }
        while (!fed.isEmpty()) {
            int c = fed.poll();
            if (!seen.add(c)) {
                continue;
            }
            CompiledCorrelation correlation = correlations.get(c);
            for (FieldAccessor f : correlation.groupBy()) {
                add(f, paths);
            }
            if (correlation.valueField() != null) {
                add(correlation.valueField(), paths);
            }
            for (int next : correlation.feeds()) {
                fed.add(next);
            }
        }
        return paths;
    }

    private static void collect(Predicate p, Set<String> paths) {
        switch (p) {
            case Predicate.AllOf all -> {
                for (Predicate o : all.operands()) {
                    collect(o, paths);
                }
            }
            case Predicate.AnyOf any -> {
                for (Predicate o : any.operands()) {
                    collect(o, paths);
                }
            }
            case Predicate.Negation n -> collect(n.operand(), paths);
            case Predicate.FieldMatch f -> add(f.field(), paths);
            case Predicate.FieldExists e -> add(e.field(), paths);
            case Predicate.FieldReference r -> {
                add(r.field(), paths);
                add(r.other(), paths);
            }
            case Predicate.KeywordMatch k -> { }
            case Predicate.Constant c -> { }
        }
    }

    private static void add(FieldAccessor field, Set<String> paths) {
        if (field.treePath() != null) {
            paths.add(field.treePath());
        }
    }
}
