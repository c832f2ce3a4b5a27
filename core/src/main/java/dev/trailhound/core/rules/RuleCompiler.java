package dev.trailhound.core.rules;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.rules.condition.Condition;
import dev.trailhound.core.rules.condition.ConditionParser;
import dev.trailhound.core.rules.condition.ConditionSyntaxException;
import dev.trailhound.core.rules.match.FieldTestCompiler;
import dev.trailhound.core.rules.match.Predicate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns rule and correlation definitions into a {@link RuleSet}, collecting every problem with its location.
 * A rule with any problem is left out whole; the others still compile, so one bad file never hides the rest.
 */
public final class RuleCompiler {
    private static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");

    private final AttackCatalog catalog;
    private final RuleCompileOptions options;
    private final FieldTestCompiler fields;
    private final AttackTags attackTags;

    public RuleCompiler(AttackCatalog catalog, RuleCompileOptions options) {
        this.catalog = catalog;
        this.options = options;
        this.fields = new FieldTestCompiler(options.placeholders(), options.accounts());
        this.attackTags = new AttackTags(catalog);
    }

    public RuleCompilation compile(List<RuleDefinition> definitions, List<CorrelationDefinition> correlations) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        Map<String, SourceLocation> seenKeys = new HashMap<>();
        List<RuleMatcher> matchers = new ArrayList<>();
        for (RuleDefinition def : definitions) {
            RuleMetadata meta = def.metadata();
            if (isDisabled(meta) || skipped(meta, warnings)) {
                continue;
            }
            int before = problems.size();
            checkMetadata(meta, seenKeys, problems);
            RuleMatcher m = compileRule(def, problems, warnings);
            if (problems.size() == before && m != null) {
                matchers.add(m);
            }
        }
        List<CorrelationPlan> plans = new ArrayList<>();
        List<Integer> planOfDefinition = new ArrayList<>();
        for (CorrelationDefinition def : correlations) {
            RuleMetadata meta = def.metadata();
            CorrelationPlan plan = null;
            if (!isDisabled(meta) && !skipped(meta, warnings)) {
                int before = problems.size();
                checkMetadata(meta, seenKeys, problems);
                plan = CorrelationPlanner.plan(def, matchers, correlations, problems, warnings);
                plan = problems.size() == before ? plan : null;
            }
            planOfDefinition.add(plan == null ? -1 : plans.size());
            if (plan != null) {
                plans.add(plan);
            }
        }
        plans = CorrelationChains.resolve(plans, planOfDefinition, correlations, problems);
        RuleSet set = assemble(matchers, plans, problems);
        return new RuleCompilation(set, problems, warnings);
    }

    private boolean isDisabled(RuleMetadata meta) {
        return meta.id() != null && options.disabled().contains(meta.id()) || meta.name() != null && options.disabled().contains(meta.name());
    }

    private static boolean skipped(RuleMetadata meta, List<RuleProblem> warnings) {
        if ("deprecated".equals(meta.status()) || "unsupported".equals(meta.status())) {
            warnings.add(new RuleProblem(meta.where(), "rule " + meta.key() + " is " + meta.status() + ": not loaded"));
            return true;
        }
        return false;
    }

    private void checkMetadata(RuleMetadata meta, Map<String, SourceLocation> seenKeys, List<RuleProblem> problems) {
        if (meta.title().isBlank()) {
            problems.add(new RuleProblem(meta.where(), "the rule has no title: add 'title: <one line>'"));
        }
        if (meta.level() != null && levelOf(meta.level()) == null && !"informational".equalsIgnoreCase(meta.level())) {
            problems.add(new RuleProblem(meta.where(), "rule " + meta.key() + ": level must be informational, low, medium, high or critical,"
                    + " not '" + meta.level() + "'"));
        }
        if (meta.status() != null && !STATUSES.contains(meta.status())) {
            problems.add(new RuleProblem(meta.where(), "rule " + meta.key() + ": status must be one of " + STATUSES + ", not '" + meta.status() + "'"));
        }
        for (String key : new String[] {meta.id(), meta.name()}) {
            if (key == null) {
                continue;
            }
            SourceLocation first = seenKeys.putIfAbsent(key, meta.where());
            if (first != null) {
                problems.add(new RuleProblem(meta.where(), "'" + key + "' is already the id or name of the rule at " + first
                        + ": ids and names must be unique"));
            }
        }
    }

    /** The severity of a Sigma level, or null for informational (and for unknown levels). */
    static Severity levelOf(String level) {
        if (level == null) {
            return null;
        }
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.LOW;
            case "medium" -> Severity.MEDIUM;
            case "high" -> Severity.HIGH;
            case "critical" -> Severity.CRITICAL;
            default -> null;
        };
    }

    private RuleMatcher compileRule(RuleDefinition def, List<RuleProblem> problems, List<RuleProblem> warnings) {
        Map<String, Predicate> searches = new LinkedHashMap<>();
        for (SearchDefinition search : def.searches().values()) {
            Predicate p = SearchCompiler.compile(search, fields, problems);
            if (p != null) {
                searches.put(search.name(), p);
            }
        }
        if (def.conditions().isEmpty()) {
            problems.add(new RuleProblem(def.metadata().where(), "rule " + def.metadata().key() + ": detection has no condition:"
                    + " add 'condition: <expression>' under detection"));
            return null;
        }
        List<Predicate> alternatives = new ArrayList<>();
        List<String> positives = new ArrayList<>();
        java.util.Set<String> eventNames = new java.util.TreeSet<>();
        boolean anyEventName = false;
        for (ConditionText text : def.conditions()) {
            Condition condition;
            try {
                condition = ConditionParser.parse(text.text());
            } catch (ConditionSyntaxException e) {
                problems.add(new RuleProblem(at(text, e.column()), "condition: " + e.getMessage()));
                continue;
            }
            ConditionResolver resolver = new ConditionResolver(def, searches, text, problems);
            Predicate p = resolver.predicate(condition);
            if (p == null) {
                continue;
            }
            alternatives.add(p);
            resolver.positives(condition, false, positives);
            Set<String> names = EventNameIndex.required(condition, def);
            if (names == null) {
                anyEventName = true;
            } else {
                names.forEach(n -> eventNames.add(n.toLowerCase(Locale.ROOT)));
            }
        }
        if (alternatives.size() != def.conditions().size()) {
            return null;
        }
        Predicate root = alternatives.size() == 1 ? alternatives.get(0) : new Predicate.AnyOf(alternatives.toArray(Predicate[]::new));
        List<CompiledRule.NamedSearch> named = searches.entrySet().stream()
                .map(e -> new CompiledRule.NamedSearch(e.getKey(), e.getValue())).toList();
        AttackTags.Mapping mapping = attackTags.map(def.metadata(), warnings);
        return new RuleMatcher(def.metadata(), root, anyEventName ? null : Set.copyOf(eventNames), named, Set.copyOf(positives), mapping);
    }

    static SourceLocation at(ConditionText text, int column) {
        SourceLocation w = text.where();
        return w.line() > 0 && w.column() > 0 ? new SourceLocation(w.file(), w.line(), w.column() + column - 1) : w;
    }

    /** Pass two: now that correlations are known, decide which rules emit detections and which feed correlations. */
    private RuleSet assemble(List<RuleMatcher> matchers, List<CorrelationPlan> plans, List<RuleProblem> problems) {
        Map<Integer, List<Integer>> ruleFeeds = new HashMap<>();
        Map<Integer, List<Integer>> correlationFeeds = new HashMap<>();
        java.util.Set<Integer> silencedRules = new java.util.HashSet<>();
        java.util.Set<Integer> silencedCorrelations = new java.util.HashSet<>();
        for (int index = 0; index < plans.size(); index++) {
            CorrelationPlan plan = plans.get(index);
            for (int member : plan.members()) {
                if (member >= 0) {
                    ruleFeeds.computeIfAbsent(member, k -> new ArrayList<>()).add(index);
                    if (!plan.generate()) {
                        silencedRules.add(member);
                    }
                } else {
                    correlationFeeds.computeIfAbsent(-member - 1, k -> new ArrayList<>()).add(index);
                    if (!plan.generate()) {
                        silencedCorrelations.add(-member - 1);
                    }
                }
            }
        }
        List<CompiledCorrelation> correlations = new ArrayList<>();
        for (int index = 0; index < plans.size(); index++) {
            CorrelationPlan plan = plans.get(index);
            AttackTags.Mapping mapping = attackTags.map(plan.metadata(), new ArrayList<>());
            if (mapping.tactics().isEmpty()) {
                mapping = attackTags.inherit(plan.members(), matchers, plans, attackTags);
            }
            boolean emits = !silencedCorrelations.contains(index);
            if (emits && plan.severity() == null) {
                problems.add(new RuleProblem(plan.metadata().where(), "correlation " + plan.metadata().key() + " raises detections:"
                        + " give it level low, medium, high or critical"));
            }
            correlations.add(new CompiledCorrelation(index, plan.metadata(), plan.type(), plan.members(), plan.groupBy(),
                    plan.timespanMillis(), plan.threshold(), plan.strictlyGreater(), plan.valueField(), plan.severity(),
                    emits && plan.severity() != null, mapping.tactics(), mapping.techniques(), indexes(correlationFeeds.get(index))));
        }
        List<CompiledRule> rules = new ArrayList<>();
        for (int i = 0; i < matchers.size(); i++) {
            RuleMatcher m = matchers.get(i);
            Severity severity = levelOf(m.metadata().level());
            boolean emits = severity != null && !silencedRules.contains(i);
            if (m.metadata().level() == null && !silencedRules.contains(i)) {
                problems.add(new RuleProblem(m.metadata().where(), "rule " + m.metadata().key() + " has no level: give it"
                        + " informational, low, medium, high or critical (a rule without level may only feed correlations)"));
            }
            rules.add(new CompiledRule(i, m.metadata(), m.predicate(), severity, m.mapping().tactics(), m.mapping().techniques(),
                    m.eventNames(), m.searches(), m.positives(), emits, indexes(ruleFeeds.get(i)),
                    Predicates.consultsOrganisation(m.predicate())));
        }
        return new RuleSet(rules, correlations);
    }

    private static int[] indexes(List<Integer> list) {
        return list == null ? new int[0] : list.stream().mapToInt(Integer::intValue).toArray();
    }

    public AttackCatalog catalog() {
        return catalog;
    }
}
