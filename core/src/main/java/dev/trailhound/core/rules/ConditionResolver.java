package dev.trailhound.core.rules;

import dev.trailhound.core.rules.condition.Condition;
import dev.trailhound.core.rules.match.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Resolves a parsed condition's search names and quantifiers against a rule's compiled searches. */
final class ConditionResolver {
    private final RuleDefinition rule;
    private final Map<String, Predicate> compiled;
    private final ConditionText text;
    private final List<RuleProblem> problems;

    ConditionResolver(RuleDefinition rule, Map<String, Predicate> compiled, ConditionText text, List<RuleProblem> problems) {
        this.rule = rule;
        this.compiled = compiled;
        this.text = text;
        this.problems = problems;
    }

    /** The condition as one predicate, or null (with problems added) when a name does not resolve. */
    Predicate predicate(Condition condition) {
        int before = problems.size();
        Predicate p = resolve(condition);
        return problems.size() > before ? null : p;
    }

    private Predicate resolve(Condition condition) {
        return switch (condition) {
            case Condition.And and -> new Predicate.AllOf(resolveAll(and.operands()));
            case Condition.Or or -> new Predicate.AnyOf(resolveAll(or.operands()));
            case Condition.Not not -> new Predicate.Negation(resolve(not.operand()));
            case Condition.SearchRef ref -> reference(ref);
            case Condition.Quantified q -> quantified(q);
        };
    }

    private Predicate[] resolveAll(List<Condition> operands) {
        Predicate[] out = new Predicate[operands.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = resolve(operands.get(i));
        }
        return out;
    }

    private Predicate reference(Condition.SearchRef ref) {
        if (!rule.searches().containsKey(ref.name())) {
            problems.add(new RuleProblem(RuleCompiler.at(text, ref.column()), "condition names '" + ref.name()
                    + "', which is not a search of this rule (searches: " + String.join(", ", rule.searches().keySet()) + ")"));
            return new Predicate.Constant(false);
        }
        Predicate p = compiled.get(ref.name());
        return p != null ? p : new Predicate.Constant(false);   // its own problems are already reported
    }

    private Predicate quantified(Condition.Quantified q) {
        List<String> names = matching(q);
        if (names.isEmpty()) {
            problems.add(new RuleProblem(RuleCompiler.at(text, q.column()), "'" + (q.all() ? "all of " : "1 of ") + q.pattern()
                    + "' matches no search of this rule (searches: " + String.join(", ", rule.searches().keySet()) + ")"));
            return new Predicate.Constant(q.all());
        }
        Predicate[] operands = names.stream().map(n -> compiled.getOrDefault(n, new Predicate.Constant(false))).toArray(Predicate[]::new);
        if (operands.length == 1) {
            return operands[0];
        }
        return q.all() ? new Predicate.AllOf(operands) : new Predicate.AnyOf(operands);
    }

    /** The rule's search names a quantifier covers; {@code them} leaves out names starting with an underscore. */
    List<String> matching(Condition.Quantified q) {
        List<String> out = new ArrayList<>();
        Pattern pattern = q.them() ? null : glob(q.pattern());
        for (String name : rule.searches().keySet()) {
            if (q.them() ? !name.startsWith("_") : pattern.matcher(name).matches()) {
                out.add(name);
            }
        }
        return out;
    }

    /** Collects the search names that count positively (under an even number of {@code not}). */
    void positives(Condition condition, boolean negated, List<String> out) {
        switch (condition) {
            case Condition.And and -> and.operands().forEach(c -> positives(c, negated, out));
            case Condition.Or or -> or.operands().forEach(c -> positives(c, negated, out));
            case Condition.Not not -> positives(not.operand(), !negated, out);
            case Condition.SearchRef ref -> {
                if (!negated) {
                    out.add(ref.name());
                }
            }
            case Condition.Quantified q -> {
                if (!negated) {
                    out.addAll(matching(q));
                }
            }
        }
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
