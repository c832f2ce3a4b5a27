package dev.trailhound.core.rules.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Sigma condition expressions: search names, {@code and}, {@code or}, {@code not}, parentheses,
 * {@code 1 of X*}, {@code all of X*}, {@code 1 of them}, {@code all of them}. {@code not} binds tightest, then
 * {@code and}, then {@code or}. The Sigma v1 aggregation pipe ({@code | count() > 5}) is refused with advice,
 * since correlations replace it.
 */
public final class ConditionParser {
    private static final String PIPE_ADVICE = "the aggregation pipe '|' (Sigma v1 'count() by ...') is not supported:"
            + " write a correlation rule (type event_count or value_count) that refers to this rule instead";

    private enum Kind { NAME, AND, OR, NOT, OPEN, CLOSE, ONE_OF, ALL_OF, PIPE, END }

    private record Token(Kind kind, String text, int column) {
    }

    private final List<Token> tokens;
    private int next;

    private ConditionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Condition parse(String text) throws ConditionSyntaxException {
        ConditionParser parser = new ConditionParser(tokenize(text));
        Condition c = parser.or();
        Token t = parser.peek();
        if (t.kind == Kind.PIPE) {
            throw new ConditionSyntaxException(PIPE_ADVICE, t.column);
        }
        if (t.kind != Kind.END) {
            throw new ConditionSyntaxException(t.kind == Kind.CLOSE ? "unbalanced ')'"
                    : "expected 'and', 'or' or the end of the condition, found '" + t.text + "'", t.column);
        }
        return c;
    }

    private Condition or() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(and());
        while (peek().kind == Kind.OR) {
            next++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
    }

    private Condition and() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(unary());
        while (peek().kind == Kind.AND) {
            next++;
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
    }

    private Condition unary() throws ConditionSyntaxException {
        if (peek().kind == Kind.NOT) {
            next++;
            return new Condition.Not(unary());
        }
        return primary();
    }

    private Condition primary() throws ConditionSyntaxException {
        Token t = tokens.get(next++);
        switch (t.kind) {
            case OPEN -> {
                Condition inner = or();
                Token close = tokens.get(next++);
                if (close.kind != Kind.CLOSE) {
                    throw new ConditionSyntaxException("missing ')' for the '(' at column " + t.column, close.column);
                }
                return inner;
            }
            case NAME -> {
                return new Condition.SearchRef(t.text, t.column);
            }
            case ONE_OF, ALL_OF -> {
                Token target = tokens.get(next++);
                if (target.kind != Kind.NAME) {
                    throw new ConditionSyntaxException("'" + t.text + "' must be followed by a search name pattern or 'them'", target.column);
                }
                return new Condition.Quantified(t.kind == Kind.ALL_OF, target.text, t.column);
            }
            case PIPE -> throw new ConditionSyntaxException(PIPE_ADVICE, t.column);
            case END -> throw new ConditionSyntaxException("the condition ends where a search name was expected", t.column);
            default -> throw new ConditionSyntaxException("expected a search name, 'not', '(' or '1 of'/'all of', found '" + t.text + "'", t.column);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private static List<Token> tokenize(String text) throws ConditionSyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '|') {
                out.add(new Token(Kind.PIPE, "|", i + 1));   // what follows is v1 aggregation syntax: refused as a whole
                break;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i + 1));
                i++;
            } else if (isNameChar(c)) {
                int start = i;
                while (i < n && isNameChar(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                String lower = word.toLowerCase(Locale.ROOT);
                if ((lower.equals("1") || lower.equals("all")) && nextWordIs(text, i, "of")) {
                    int end = text.toLowerCase(Locale.ROOT).indexOf("of", i) + 2;
                    out.add(new Token(lower.equals("all") ? Kind.ALL_OF : Kind.ONE_OF, text.substring(start, end), start + 1));
                    i = end;
                    continue;
                }
                Kind kind = switch (lower) {
                    case "and" -> Kind.AND;
                    case "or" -> Kind.OR;
                    case "not" -> Kind.NOT;
                    default -> Kind.NAME;
                };
                if (kind == Kind.NAME && word.chars().allMatch(Character::isDigit)) {
                    throw new ConditionSyntaxException("'" + word + " of' is not Sigma: only '1 of' and 'all of' exist", start + 1);
                }
                out.add(new Token(kind, word, start + 1));
            } else {
                throw new ConditionSyntaxException("unexpected character '" + c + "'", i + 1);
            }
        }
        out.add(new Token(Kind.END, "", out.isEmpty() || out.get(out.size() - 1).kind != Kind.PIPE ? n + 1 : out.get(out.size() - 1).column));
        return out;
    }

    private static boolean nextWordIs(String text, int from, String word) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == from || !text.regionMatches(true, i, word, 0, word.length())) {
            return false;
        }
        int end = i + word.length();
        return end == text.length() || !isNameChar(text.charAt(end));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '*' || c == '?';
    }
}
