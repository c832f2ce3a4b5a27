package dev.trailhound.core.rules;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.rules.match.Predicate;
import java.util.List;

/**
 * Says why a rule matched, from the event itself: the searches that held and the values of the fields they
 * tested ({@code selection: eventSource=cloudtrail.amazonaws.com, eventName=StopLogging}). Built only for
 * matches, so it costs nothing on the events that match no rule.
 */
public final class Explanations {
    private static final int MAX_VALUE = 120;
    private static final int MAX_TEXT = 600;

    private Explanations() {
    }

    static String ofRule(CompiledRule rule, Event event) {
        StringBuilder b = new StringBuilder();
        for (CompiledRule.NamedSearch search : rule.searches()) {
            if (!rule.positives().contains(search.name()) || !search.predicate().test(event)) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(search.name()).append(": ");
            int start = b.length();
            describe(search.predicate(), event, b);
            if (b.length() == start) {
                b.setLength(start - 2);
            }
            if (b.length() > MAX_TEXT) {
                b.setLength(MAX_TEXT);
                b.append("...");
                break;
            }
        }
        return b.toString();
    }

    /**
     * Every search of the rule with its verdict and the values it saw, for a test that did not go as expected:
     * {@code selection: false (eventName=StartLogging, eventSource=cloudtrail.amazonaws.com)}.
     */
    public static String trace(CompiledRule rule, Event event) {
        StringBuilder b = new StringBuilder();
        for (CompiledRule.NamedSearch search : rule.searches()) {
            b.append("  ").append(search.name()).append(": ").append(search.predicate().test(event)).append(" (");
            int start = b.length();
            describeAll(search.predicate(), event, b);
            if (b.length() == start) {
                b.setLength(start - 2);
            } else {
                b.append(')');
            }
            b.append('\n');
        }
        b.append("  condition: ").append(rule.predicate().test(event));
        return b.toString();
    }

    private static void describeAll(Predicate p, Event event, StringBuilder b) {
        switch (p) {
            case Predicate.AllOf all -> {
                for (Predicate operand : all.operands()) {
                    describeAll(operand, event, b);
                }
            }
            case Predicate.AnyOf any -> {
                for (Predicate operand : any.operands()) {
                    describeAll(operand, event, b);
                }
            }
            case Predicate.FieldMatch f -> {
                field(b, f.field().path(), f.field().values(event));
                b.append(f.test(event) ? " ok" : " (wanted " + f + ")");
            }
            default -> describe(p, event, b);
        }
    }

    private static void describe(Predicate p, Event event, StringBuilder b) {
        switch (p) {
            case Predicate.AllOf all -> {
                for (Predicate operand : all.operands()) {
                    describe(operand, event, b);
                }
            }
            case Predicate.AnyOf any -> {
                for (Predicate operand : any.operands()) {
                    if (operand.test(event)) {
                        describe(operand, event, b);
                        return;
                    }
                }
            }
            case Predicate.FieldMatch f -> field(b, f.field().path(), f.field().values(event));
            case Predicate.FieldReference r -> field(b, r.field().path(), r.field().values(event));
            case Predicate.FieldExists e -> separate(b).append(e.field().path()).append(e.expected() ? " present" : " absent");
            case Predicate.KeywordMatch k -> separate(b).append("keyword found");
            case Predicate.Negation n -> { }
            case Predicate.Constant c -> { }
        }
    }

    private static void field(StringBuilder b, String path, List<String> values) {
        separate(b).append(path).append('=');
        if (values.isEmpty()) {
            b.append("(none)");
            return;
        }
        String v = values.get(0);
        b.append(v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) + "..." : v);
        if (values.size() > 1) {
            b.append(" (+").append(values.size() - 1).append(" more)");
        }
    }

    private static StringBuilder separate(StringBuilder b) {
        char last = b.isEmpty() ? ' ' : b.charAt(b.length() - 1);
        return last == ' ' ? b : b.append(", ");
    }

    static String ofCorrelation(CompiledCorrelation c, CorrelationWindow window, List<String> group, RuleSet set) {
        StringBuilder b = new StringBuilder();
        String span = human(c.timespanMillis());
        String rules = ruleTitles(c, set);
        switch (c.type()) {
            case EVENT_COUNT -> b.append(window.size()).append(" matches of ").append(rules).append(" within ").append(span);
            case VALUE_COUNT -> b.append(window.distinctValues()).append(" distinct ").append(c.valueField().path())
                    .append(" values among matches of ").append(rules).append(" within ").append(span);
            case TEMPORAL -> b.append("all of ").append(rules).append(" within ").append(span);
            case TEMPORAL_ORDERED -> b.append(rules.replace(", ", " then ")).append(", in that order, within ").append(span);
        }
        if (c.type() == CorrelationType.EVENT_COUNT || c.type() == CorrelationType.VALUE_COUNT) {
            b.append(" (threshold ").append(c.strictlyGreater() ? "> " : ">= ").append(c.threshold()).append(')');
        }
        for (int i = 0; i < c.groupBy().length; i++) {
            b.append(i == 0 ? "; grouped by " : ", ").append(c.groupBy()[i].path()).append('=').append(group.get(i));
        }
        return b.toString();
    }

    private static String ruleTitles(CompiledCorrelation c, RuleSet set) {
        StringBuilder b = new StringBuilder();
        for (int member : c.members()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            RuleMetadata m = member >= 0 ? set.rule(member).metadata() : set.correlation(-member - 1).metadata();
            b.append('"').append(m.title()).append('"');
        }
        return b.toString();
    }

    private static String human(long millis) {
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis / 1000 + " s";
    }
}
