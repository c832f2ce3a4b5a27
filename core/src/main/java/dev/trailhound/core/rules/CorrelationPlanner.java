package dev.trailhound.core.rules;

import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.rules.match.FieldAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a correlation definition against the loaded rules and turns it into a plan, or reports its problems. */
final class CorrelationPlanner {
    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)\\s*([smhdw])");

    private CorrelationPlanner() {
    }

    /**
     * @param correlations every correlation being compiled, so that members can name other correlations
     */
    static CorrelationPlan plan(CorrelationDefinition def, List<RuleMatcher> rules, List<CorrelationDefinition> correlations,
            List<RuleProblem> problems, List<RuleProblem> warnings) {
        RuleMetadata meta = def.metadata();
        SourceLocation where = def.typeWhere() != null ? def.typeWhere() : meta.where();
        String prefix = "correlation " + meta.key() + ": ";
        int before = problems.size();
        CorrelationType type = type(def.type());
        if (type == null) {
            problems.add(new RuleProblem(where, prefix + "type must be event_count, value_count, temporal or temporal_ordered"
                    + (def.type() == null ? " (it is missing)" : ", not '" + def.type() + "'")));
        }
        int[] members = new int[def.rules().size()];
        for (int i = 0; i < members.length; i++) {
            String key = def.rules().get(i);
            int rule = find(key, rules);
            int correlation = findCorrelation(key, correlations);
            members[i] = rule >= 0 ? rule : -correlation - 1;
            if (rule < 0 && correlation < 0) {
                problems.add(new RuleProblem(meta.where(), prefix + "rule '" + key + "' is not loaded: name a loaded rule or"
                        + " correlation by its id or name"));
            } else if (correlations.get(Math.max(correlation, 0)) == def && rule < 0) {
                problems.add(new RuleProblem(meta.where(), prefix + "a correlation cannot list itself"));
            }
        }
        if (def.rules().size() > 64) {
            problems.add(new RuleProblem(meta.where(), prefix + "at most 64 rules can be correlated, not " + def.rules().size()));
        }
        if (def.rules().isEmpty()) {
            problems.add(new RuleProblem(meta.where(), prefix + "'rules' lists no rule"));
        }
        long span = timespan(def.timespan());
        if (span <= 0) {
            problems.add(new RuleProblem(meta.where(), prefix + "timespan must be a duration such as 30s, 10m, 1h or 1d"
                    + (def.timespan() == null ? " (it is missing)" : ", not '" + def.timespan() + "'")));
        }
        long threshold = 0;
        boolean strictlyGreater = false;
        if (type == CorrelationType.TEMPORAL_ORDERED) {
            threshold = def.rules().size();
            if (!def.condition().isEmpty()) {
                warnings.add(new RuleProblem(meta.where(), prefix + "temporal_ordered needs every listed rule in order; its condition is ignored"));
            }
        } else if (type == CorrelationType.TEMPORAL && def.condition().isEmpty()) {
            threshold = def.rules().size();
        }
        if (type == CorrelationType.TEMPORAL || type == CorrelationType.TEMPORAL_ORDERED) {
            if (def.rules().size() < 2) {
                problems.add(new RuleProblem(meta.where(), prefix + "a temporal correlation needs at least two rules"));
            }
        }
        if (type == CorrelationType.EVENT_COUNT || type == CorrelationType.VALUE_COUNT
                || type == CorrelationType.TEMPORAL && !def.condition().isEmpty()) {
            long[] parsed = condition(def.condition(), prefix, meta.where(), problems);
            threshold = parsed[0];
            strictlyGreater = parsed[1] == 1;
        }
        FieldAccessor valueField = null;
        if (type == CorrelationType.VALUE_COUNT) {
            if (def.field() == null || def.field().isBlank()) {
                problems.add(new RuleProblem(meta.where(), prefix + "value_count needs 'field' under condition: the field whose distinct values are counted"));
            } else {
                valueField = FieldAccessor.of(def.field());
            }
        }
        Severity severity = RuleCompiler.levelOf(meta.level());
        if (problems.size() > before) {
            return null;
        }
        FieldAccessor[] groupBy = def.groupBy().stream().map(FieldAccessor::of).toArray(FieldAccessor[]::new);
        return new CorrelationPlan(meta, type, members, groupBy, span, threshold, strictlyGreater, valueField, def.generate(), severity);
    }

    private static CorrelationType type(String text) {
        if (text == null) {
            return null;
        }
        try {
            return CorrelationType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int findCorrelation(String key, List<CorrelationDefinition> correlations) {
        for (int i = 0; i < correlations.size(); i++) {
            RuleMetadata m = correlations.get(i).metadata();
            if (key.equals(m.id()) || key.equals(m.name())) {
                return i;
            }
        }
        return -1;
    }

    private static int find(String key, List<RuleMatcher> rules) {
        for (int i = 0; i < rules.size(); i++) {
            RuleMetadata m = rules.get(i).metadata();
            if (key.equals(m.id()) || key.equals(m.name())) {
                return i;
            }
        }
        return -1;
    }

    /** Milliseconds of {@code 30s}, {@code 10m}, {@code 1h}, {@code 1d}, {@code 1w}; 0 when it does not parse. */
    static long timespan(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = TIMESPAN.matcher(text.strip());
        if (!m.matches()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 7 * 86_400_000L;
        };
        return n * unit;
    }

    /** {threshold, 1 if strictly greater}; upper bounds cannot be judged as events arrive, so they are refused. */
    private static long[] condition(Map<String, String> condition, String prefix, SourceLocation where, List<RuleProblem> problems) {
        if (condition.isEmpty()) {
            problems.add(new RuleProblem(where, prefix + "condition is missing: e.g. 'condition: {gte: 20}'"));
            return new long[] {0, 0};
        }
        List<String> refused = new ArrayList<>();
        long threshold = -1;
        boolean greater = false;
        for (Map.Entry<String, String> e : condition.entrySet()) {
            String op = e.getKey();
            if (op.equals("field")) {
                continue;
            }
            long n;
            try {
                n = Long.parseLong(e.getValue().strip());
            } catch (NumberFormatException | NullPointerException ex) {
                problems.add(new RuleProblem(where, prefix + "condition " + op + " needs a whole number, not '" + e.getValue() + "'"));
                continue;
            }
            switch (op) {
                case "gte", "eq" -> threshold = n;
                case "gt" -> {
                    threshold = n;
                    greater = true;
                }
                case "lt", "lte", "neq" -> refused.add(op);
                default -> problems.add(new RuleProblem(where, prefix + "condition operator '" + op + "' is unknown (gt, gte, eq)"));
            }
        }
        if (!refused.isEmpty()) {
            problems.add(new RuleProblem(where, prefix + "condition " + refused + " is not supported: an upper bound can only be"
                    + " judged after the timespan closes, and Trailhound raises correlations as events arrive; use gt, gte or eq"));
        }
        if (threshold < 1 && refused.isEmpty()) {
            problems.add(new RuleProblem(where, prefix + "condition needs gt, gte or eq with a count of 1 or more"));
        }
        return new long[] {threshold, greater ? 1 : 0};
    }
}
