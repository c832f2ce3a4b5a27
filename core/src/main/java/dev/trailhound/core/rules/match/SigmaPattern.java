package dev.trailhound.core.rules.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Sigma string value split into literal text and wildcards ({@code *} any run, {@code ?} one character).
 * A backslash escapes {@code *}, {@code ?} and itself; before anything else it is a plain backslash.
 */
public final class SigmaPattern {
    private static final Object STAR = new Object();
    private static final Object ONE = new Object();

    private final List<Object> parts;

    private SigmaPattern(List<Object> parts) {
        this.parts = parts;
    }

    public static SigmaPattern parse(String value) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(c == '*' ? STAR : ONE);
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty() || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return new SigmaPattern(parts);
    }

    /** Plain text with no wildcard meaning (used by base64 and fieldref). */
    public static SigmaPattern literal(String text) {
        return new SigmaPattern(new ArrayList<>(List.of(text)));
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p == STAR || p == ONE);
    }

    /** The literal text (wildcards dropped): for values known to have none. */
    public String text() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p instanceof String s ? s : ""));
        return b.toString();
    }

    /** {@code contains}: {@code *value*}; the value's own wildcards keep their meaning. */
    public SigmaPattern surrounded(boolean before, boolean after) {
        List<Object> out = new ArrayList<>();
        if (before) {
            out.add(STAR);
        }
        out.addAll(parts);
        if (after) {
            out.add(STAR);
        }
        return new SigmaPattern(out);
    }

    /** The cheapest matcher with the same meaning. */
    public ValueMatcher matcher(boolean cased) {
        List<Object> p = new ArrayList<>();
        for (Object part : parts) {
            boolean duplicateStar = part == STAR && !p.isEmpty() && p.get(p.size() - 1) == STAR;
            if (!duplicateStar && !"".equals(part) || parts.size() == 1) {
                p.add(part);
            }
        }
        if (p.stream().allMatch(x -> x == STAR) && !p.isEmpty()) {
            return new ValueMatcher.Anything();
        }
        if (p.size() == 1 && p.get(0) instanceof String s) {
            return new ValueMatcher.Exact(s, cased);
        }
        if (p.size() == 2 && p.get(0) instanceof String s && p.get(1) == STAR) {
            return new ValueMatcher.Prefix(s, cased);
        }
        if (p.size() == 2 && p.get(0) == STAR && p.get(1) instanceof String s) {
            return new ValueMatcher.Suffix(s, cased);
        }
        if (p.size() == 3 && p.get(0) == STAR && p.get(1) instanceof String s && p.get(2) == STAR) {
            return new ValueMatcher.Contains(s, cased);
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder sigma = new StringBuilder();
        for (Object part : p) {
            if (part == STAR) {
                regex.append(".*");
                sigma.append('*');
            } else if (part == ONE) {
                regex.append('.');
                sigma.append('?');
            } else {
                regex.append(Pattern.quote((String) part));
                sigma.append(part);
            }
        }
        int flags = Pattern.DOTALL | (cased ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new ValueMatcher.Glob(sigma.toString(), Pattern.compile(regex.toString(), flags));
    }
}
