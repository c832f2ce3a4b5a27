package dev.trailhound.core.rules;

import dev.trailhound.core.rules.match.Predicate;
import dev.trailhound.core.rules.match.ValueMatcher;

/** Facts about compiled predicates that the engine needs when it plans where to evaluate a rule. */
final class Predicates {
    private Predicates() {
    }

    /** Whether the predicate's verdict depends on the organisation's accounts, which grow as events arrive. */
    static boolean consultsOrganisation(Predicate p) {
        return switch (p) {
            case Predicate.AllOf all -> anyConsults(all.operands());
            case Predicate.AnyOf any -> anyConsults(any.operands());
            case Predicate.Negation n -> consultsOrganisation(n.operand());
            case Predicate.FieldMatch f -> {
                for (ValueMatcher m : f.any()) {
                    if (m instanceof ValueMatcher.AccountScope) {
                        yield true;
                    }
                }
                yield false;
            }
            case Predicate.FieldExists e -> false;
            case Predicate.FieldReference r -> false;
            case Predicate.KeywordMatch k -> false;
            case Predicate.Constant c -> false;
        };
    }

    private static boolean anyConsults(Predicate[] operands) {
        for (Predicate p : operands) {
            if (consultsOrganisation(p)) {
                return true;
            }
        }
        return false;
    }
}
