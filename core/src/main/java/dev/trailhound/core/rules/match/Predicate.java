package dev.trailhound.core.rules.match;

import dev.trailhound.core.event.Event;
import java.util.Arrays;
import java.util.List;

/** A compiled search or condition: true or false for one event. Immutable, so a compiled rule set is shareable. */
public sealed interface Predicate permits Predicate.AllOf, Predicate.AnyOf, Predicate.Negation, Predicate.FieldMatch,
        Predicate.FieldExists, Predicate.FieldReference, Predicate.KeywordMatch, Predicate.Constant {

    boolean test(Event event);

    record AllOf(Predicate[] operands) implements Predicate {
        @Override
        public boolean test(Event event) {
            for (Predicate p : operands) {
                if (!p.test(event)) {
                    return false;
                }
            }
            return true;
        }
    }

    record AnyOf(Predicate[] operands) implements Predicate {
        @Override
        public boolean test(Event event) {
            for (Predicate p : operands) {
                if (p.test(event)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Negation(Predicate operand) implements Predicate {
        @Override
        public boolean test(Event event) {
            return !operand.test(event);
        }
    }

    /** {@code true} or {@code false} whatever the event: {@code 1 of} over no search is false, {@code all of} none is true. */
    record Constant(boolean value) implements Predicate {
        @Override
        public boolean test(Event event) {
            return value;
        }
    }

    /**
     * A field compared with one or more values.
     *
     * @param any            the value matchers (any one may match; all must when {@code all})
     * @param all            the {@code all} modifier: every matcher must match some value of the field
     * @param acceptsMissing a {@code null} value was listed: a missing or null field matches
     */
    record FieldMatch(FieldAccessor field, ValueMatcher[] any, boolean all, boolean acceptsMissing, MatchMemo memo) implements Predicate {
        /**
         * The verdict for one value depends on the value alone unless a matcher consults the organisation (its
         * accounts change as events arrive), so it is remembered per distinct value: user agents, ARNs and names
         * repeat across events far more than they vary.
         */
        public FieldMatch(FieldAccessor field, ValueMatcher[] any, boolean all, boolean acceptsMissing) {
            this(field, any, all, acceptsMissing, all || any.length == 0 || java.util.Arrays.stream(any).anyMatch(
                    m -> m instanceof ValueMatcher.AccountScope || m instanceof ValueMatcher.Exact) ? null : new MatchMemo());
        }

        @Override
        public boolean test(Event event) {
            List<String> values = field.values(event);
            if (values.isEmpty()) {
                return acceptsMissing || all && any.length == 0;
            }
            if (memo != null) {
                for (int i = 0; i < values.size(); i++) {
                    if (memo.test(values.get(i), this::anyMatcher)) {
                        return true;
                    }
                }
                return false;
            }
            if (all) {
                for (ValueMatcher m : any) {
                    if (!anyValue(m, values)) {
                        return false;
                    }
                }
                return true;
            }
            for (ValueMatcher m : any) {
                if (anyValue(m, values)) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyMatcher(String value) {
            for (ValueMatcher m : any) {
                if (m.matches(value)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyValue(ValueMatcher m, List<String> values) {
            for (int i = 0; i < values.size(); i++) {
                if (m.matches(values.get(i))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field.path() + " " + (all ? "all of " : "") + Arrays.stream(any).map(ValueMatcher::describe).toList()
                    + (acceptsMissing ? " or missing" : "");
        }
    }

    /** The {@code exists} modifier. */
    record FieldExists(FieldAccessor field, boolean expected) implements Predicate {
        @Override
        public boolean test(Event event) {
            return field.exists(event) == expected;
        }
    }

    /**
     * The {@code fieldref} modifier: some value of {@code field} relates to some value of {@code other} as
     * {@code relation} says (equals, contains, startswith, endswith).
     */
    record FieldReference(FieldAccessor field, FieldAccessor other, String relation, boolean cased) implements Predicate {
        @Override
        public boolean test(Event event) {
            List<String> left = field.values(event);
            if (left.isEmpty()) {
                return false;
            }
            List<String> right = other.values(event);
            for (String l : left) {
                for (String r : right) {
                    if (relates(l, r)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean relates(String value, String reference) {
            return switch (relation) {
                case "equals" -> new ValueMatcher.Exact(reference, cased).matches(value);
                case "contains" -> new ValueMatcher.Contains(reference, cased).matches(value);
                case "startswith" -> new ValueMatcher.Prefix(reference, cased).matches(value);
                case "endswith" -> new ValueMatcher.Suffix(reference, cased).matches(value);
                default -> throw new IllegalStateException("relation " + relation);
            };
        }
    }

    /** Bare keywords, searched for in the whole record's JSON text. */
    record KeywordMatch(ValueMatcher[] any, boolean all) implements Predicate {
        @Override
        public boolean test(Event event) {
            String text = event.jsonText();
            if (all) {
                for (ValueMatcher m : any) {
                    if (!m.matches(text)) {
                        return false;
                    }
                }
                return true;
            }
            for (ValueMatcher m : any) {
                if (m.matches(text)) {
                    return true;
                }
            }
            return false;
        }
    }
}
