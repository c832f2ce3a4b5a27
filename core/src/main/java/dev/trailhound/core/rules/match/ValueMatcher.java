package dev.trailhound.core.rules.match;

import java.util.regex.Pattern;

/**
 * Tests one value of a field (never null: missing fields are handled by the predicate). Compiled once when the
 * rule loads: literals keep their case-folding choice, wildcards become the cheapest test that means the same,
 * regular expressions and networks are parsed once.
 */
public sealed interface ValueMatcher permits ValueMatcher.Exact, ValueMatcher.Prefix, ValueMatcher.Suffix,
        ValueMatcher.Contains, ValueMatcher.Anything, ValueMatcher.Glob, ValueMatcher.Regex, ValueMatcher.Network,
        ValueMatcher.Numeric, ValueMatcher.AccountScope {

    boolean matches(String value);

    /** What it tests, for explanations and traces. */
    String describe();

    record Exact(String literal, boolean cased) implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            return cased ? value.equals(literal) : value.equalsIgnoreCase(literal);
        }

        @Override
        public String describe() {
            return "is '" + literal + "'";
        }
    }

    record Prefix(String literal, boolean cased) implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            return value.regionMatches(!cased, 0, literal, 0, literal.length());
        }

        @Override
        public String describe() {
            return "starts with '" + literal + "'";
        }
    }

    record Suffix(String literal, boolean cased) implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            int offset = value.length() - literal.length();
            return offset >= 0 && value.regionMatches(!cased, offset, literal, 0, literal.length());
        }

        @Override
        public String describe() {
            return "ends with '" + literal + "'";
        }
    }

    record Contains(String literal, boolean cased) implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            if (cased) {
                return value.contains(literal);
            }
            int last = value.length() - literal.length();
            for (int i = 0; i <= last; i++) {
                if (value.regionMatches(true, i, literal, 0, literal.length())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "contains '" + literal + "'";
        }
    }

    /** A lone {@code *}: any value, empty included (a missing field still does not match). */
    record Anything() implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            return true;
        }

        @Override
        public String describe() {
            return "has any value";
        }
    }

    /** A wildcard pattern that is not a plain prefix, suffix or substring, compiled to a whole-value regex. */
    record Glob(String sigma, Pattern pattern, MatchMemo memo) implements ValueMatcher {
        public Glob(String sigma, Pattern pattern) {
            this(sigma, pattern, new MatchMemo());
        }

        @Override
        public boolean matches(String value) {
            return memo.test(value, v -> pattern.matcher(v).matches());
        }

        @Override
        public String describe() {
            return "matches '" + sigma + "'";
        }
    }

    /** The {@code re} modifier: the expression is searched for anywhere in the value. */
    record Regex(Pattern pattern, MatchMemo memo) implements ValueMatcher {
        public Regex(Pattern pattern) {
            this(pattern, new MatchMemo());
        }

        @Override
        public boolean matches(String value) {
            return memo.test(value, v -> pattern.matcher(v).find());
        }

        @Override
        public String describe() {
            return "matches /" + pattern.pattern() + "/";
        }
    }

    /** The {@code cidr} modifier. */
    record Network(IpNetwork network) implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            return network.contains(value);
        }

        @Override
        public String describe() {
            return "is in " + network;
        }
    }

    /** The {@code gt}, {@code gte}, {@code lt}, {@code lte} modifiers; values that are not numbers never match. */
    record Numeric(String operator, double bound) implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            double v;
            try {
                v = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                return false;
            }
            return switch (operator) {
                case "gt" -> v > bound;
                case "gte" -> v >= bound;
                case "lt" -> v < bound;
                case "lte" -> v <= bound;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        @Override
        public String describe() {
            return operator + " " + bound;
        }
    }

    /**
     * The placeholders {@code %external_accounts%} and {@code %own_accounts%}: the value is (or, with
     * {@code contains}, holds) a 12-digit AWS account id that is outside (or inside) the organisation.
     */
    record AccountScope(AccountDirectory accounts, boolean external, boolean anywhere) implements ValueMatcher {
        @Override
        public boolean matches(String value) {
            if (!anywhere) {
                return isAccountId(value, 0, value.length()) && accounts.isOwn(value) != external;
            }
            int n = value.length();
            int i = 0;
            while (i < n) {
                if (!Character.isDigit(value.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && Character.isDigit(value.charAt(i))) {
                    i++;
                }
                if (i - start == 12 && accounts.isOwn(value.substring(start, i)) != external) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isAccountId(String s, int from, int to) {
            if (to - from != 12) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (!Character.isDigit(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return (anywhere ? "holds " : "is ") + (external ? "an account outside the organisation" : "one of the organisation's accounts");
        }
    }
}
