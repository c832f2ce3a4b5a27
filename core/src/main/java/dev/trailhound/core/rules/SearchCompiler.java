package dev.trailhound.core.rules;

import dev.trailhound.core.rules.match.FieldTestCompiler;
import dev.trailhound.core.rules.match.Predicate;
import dev.trailhound.core.rules.match.SigmaPattern;
import dev.trailhound.core.rules.match.ValueMatcher;
import java.util.ArrayList;
import java.util.List;

/** Compiles one named search: the AND of a map's field tests, the OR of a list of maps, or keywords. */
final class SearchCompiler {
    private SearchCompiler() {
    }

    static Predicate compile(SearchDefinition search, FieldTestCompiler fields, List<RuleProblem> problems) {
        return switch (search) {
            case SearchDefinition.Fields f -> fields(f, fields, problems);
            case SearchDefinition.Keywords k -> keywords(k, problems);
        };
    }

    private static Predicate fields(SearchDefinition.Fields search, FieldTestCompiler fields, List<RuleProblem> problems) {
        int before = problems.size();
        List<Predicate> alternatives = new ArrayList<>();
        for (List<FieldTest> map : search.alternatives()) {
            List<Predicate> tests = new ArrayList<>();
            for (FieldTest test : map) {
                Predicate p = fields.compile(test, problems);
                if (p != null) {
                    tests.add(p);
                }
            }
            // AND has no side effects, so the cheap tests go first: decoded fields before paths into the JSON tree
            tests.sort(java.util.Comparator.comparingInt(SearchCompiler::cost));
            if (map.isEmpty()) {
                problems.add(new RuleProblem(search.where(), "search '" + search.name() + "' is an empty map: give it field tests"));
            }
            alternatives.add(tests.size() == 1 ? tests.get(0) : new Predicate.AllOf(tests.toArray(Predicate[]::new)));
        }
        if (alternatives.isEmpty()) {
            problems.add(new RuleProblem(search.where(), "search '" + search.name() + "' is empty: give it field tests or keywords"));
        }
        if (problems.size() > before) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Predicate.AnyOf(alternatives.toArray(Predicate[]::new));
    }

    private static int cost(Predicate p) {
        return switch (p) {
            case Predicate.FieldMatch f -> f.field().isDecoded() ? 0 : 2;
            case Predicate.FieldExists e -> e.field().isDecoded() ? 0 : 2;
            case Predicate.FieldReference r -> r.field().isDecoded() && r.other().isDecoded() ? 1 : 3;
            default -> 4;
        };
    }

    private static Predicate keywords(SearchDefinition.Keywords search, List<RuleProblem> problems) {
        FieldTest k = search.keywords();
        for (String m : k.modifiers()) {
            if (!m.equals("all") && !m.equals("cased")) {
                problems.add(new RuleProblem(k.where(), "keywords of search '" + search.name() + "': modifier '" + m
                        + "' is not supported on keywords (only all and cased)"));
                return null;
            }
        }
        List<ValueMatcher> matchers = new ArrayList<>();
        for (String value : k.values()) {
            if (value == null) {
                problems.add(new RuleProblem(k.where(), "keywords of search '" + search.name() + "': null is not a keyword"));
                return null;
            }
            // A keyword is found anywhere in the record, so it is a substring search.
            matchers.add(SigmaPattern.parse(value).surrounded(true, true).matcher(k.has("cased")));
        }
        return new Predicate.KeywordMatch(matchers.toArray(ValueMatcher[]::new), k.has("all"));
    }
}
