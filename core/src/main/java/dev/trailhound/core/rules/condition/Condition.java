package dev.trailhound.core.rules.condition;

import java.util.List;

/** A parsed Sigma condition: search names combined with and, or, not, and quantifiers over names. */
public sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Condition.SearchRef, Condition.Quantified {

    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Condition operand) implements Condition {
    }

    /** A search by name; {@code column} (from 1) is where the name starts in the condition text. */
    record SearchRef(String name, int column) implements Condition {
    }

    /**
     * {@code 1 of pattern} or {@code all of pattern}; the pattern is a search name with {@code *} wildcards, or
     * {@code them} for every search of the rule.
     */
    record Quantified(boolean all, String pattern, int column) implements Condition {
        public boolean them() {
            return pattern.equals("them");
        }
    }
}
