package dev.trailhound.core.rules.match;

import dev.trailhound.core.rules.FieldTest;
import dev.trailhound.core.rules.RuleProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles one {@code field|modifiers: values} entry into a {@link Predicate}, or reports why it cannot be
 * compiled. Supports the modifiers contains, startswith, endswith, all, cased, re (with i, m, s), cidr, exists,
 * fieldref, gt, gte, lt, lte, base64, base64offset and expand; anything else is a problem, never a silent false.
 */
public final class FieldTestCompiler {
    private static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "cased", "re", "i", "m", "s",
            "cidr", "exists", "fieldref", "gt", "gte", "lt", "lte", "base64", "base64offset", "expand");
    private static final Set<String> NUMERIC = Set.of("gt", "gte", "lt", "lte");
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Za-z0-9_.-]+)%");
    public static final String EXTERNAL_ACCOUNTS = "external_accounts";
    public static final String OWN_ACCOUNTS = "own_accounts";

    private final Map<String, List<String>> placeholders;
    private final AccountDirectory accounts;

    /**
     * @param placeholders values for {@code expand} placeholders, by name without the percent signs
     * @param accounts     the organisation's accounts, for {@code %external_accounts%} and {@code %own_accounts%}
     */
    public FieldTestCompiler(Map<String, List<String>> placeholders, AccountDirectory accounts) {
        this.placeholders = Map.copyOf(placeholders);
        this.accounts = accounts;
    }

    /** Compiles {@code test}; on failure returns null and adds every problem found to {@code problems}. */
    public Predicate compile(FieldTest test, List<RuleProblem> problems) {
        int before = problems.size();
        List<String> mods = test.modifiers();
        for (String m : mods) {
            if (!KNOWN.contains(m)) {
                problems.add(new RuleProblem(test.where(), "field '" + test.field() + "': modifier '" + m + "' is not supported"
                        + " (supported: contains, startswith, endswith, all, cased, re, re|i|m|s, cidr, exists, fieldref, gt, gte, lt,"
                        + " lte, base64, base64offset, expand)"));
            }
        }
        checkCombinations(test, problems);
        if (problems.size() > before) {
            return null;
        }
        if (test.values().isEmpty()) {
            problems.add(new RuleProblem(test.where(), "field '" + test.field() + "' has no value: give a value, a list of values, or null"));
            return null;
        }
        FieldAccessor field = FieldAccessor.of(test.field());
        if (test.has("exists")) {
            return exists(test, field, problems);
        }
        if (test.has("fieldref")) {
            return fieldReference(test, field, problems);
        }
        boolean acceptsMissing = false;
        List<ValueMatcher> matchers = new ArrayList<>();
        for (String value : test.values()) {
            if (value == null) {
                acceptsMissing = true;
                continue;
            }
            for (String expanded : expand(test, value, problems)) {
                ValueMatcher m = valueMatcher(test, expanded, problems);
                if (m != null) {
                    matchers.add(m);
                }
            }
            if (test.has("expand") && isDynamic(value)) {
                matchers.add(new ValueMatcher.AccountScope(accounts, value.contains(EXTERNAL_ACCOUNTS), test.has("contains")));
            }
            if (test.has("base64offset")) {
                matchers.addAll(base64Offsets(test, value));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (test.has("all") && acceptsMissing) {
            problems.add(new RuleProblem(test.where(), "field '" + test.field() + "': 'all' cannot be combined with a null value"));
            return null;
        }
        return new Predicate.FieldMatch(field, matchers.toArray(ValueMatcher[]::new), test.has("all"), acceptsMissing);
    }

    private void checkCombinations(FieldTest test, List<RuleProblem> problems) {
        List<String> mods = test.modifiers();
        long shape = mods.stream().filter(m -> Set.of("contains", "startswith", "endswith").contains(m)).count();
        String where = "field '" + test.field() + "': ";
        if (shape > 1) {
            problems.add(new RuleProblem(test.where(), where + "use only one of contains, startswith, endswith"));
        }
        if (mods.contains("re") && (shape > 0 || mods.contains("base64") || mods.contains("base64offset") || mods.contains("cidr"))) {
            problems.add(new RuleProblem(test.where(), where + "'re' takes a regular expression as it is: do not combine it with"
                    + " contains, startswith, endswith, base64 or cidr"));
        }
        for (String flag : List.of("i", "m", "s")) {
            if (mods.contains(flag) && !mods.contains("re")) {
                problems.add(new RuleProblem(test.where(), where + "'" + flag + "' is a flag of 're' and needs it ('re|" + flag + "')"));
            }
        }
        if (mods.contains("base64offset") && !mods.contains("contains")) {
            problems.add(new RuleProblem(test.where(), where + "'base64offset' finds text inside a longer encoding: write 'base64offset|contains'"));
        }
        if (mods.contains("cidr") && mods.size() > (mods.contains("all") ? 2 : 1)) {
            problems.add(new RuleProblem(test.where(), where + "'cidr' cannot be combined with other modifiers"));
        }
        long numeric = mods.stream().filter(NUMERIC::contains).count();
        if (numeric > 1 || numeric == 1 && mods.size() > 1) {
            problems.add(new RuleProblem(test.where(), where + "gt, gte, lt and lte stand alone: one of them, and no other modifier"));
        }
        if (mods.contains("exists") && mods.size() > 1) {
            problems.add(new RuleProblem(test.where(), where + "'exists' stands alone"));
        }
        if (mods.contains("fieldref") && (mods.contains("re") || mods.contains("cidr") || mods.contains("base64")
                || mods.contains("base64offset") || mods.contains("expand") || numeric > 0)) {
            problems.add(new RuleProblem(test.where(), where + "'fieldref' combines only with contains, startswith, endswith, cased and all"));
        }
    }

    private Predicate exists(FieldTest test, FieldAccessor field, List<RuleProblem> problems) {
        String v = test.values().size() == 1 ? test.values().get(0) : null;
        if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
            problems.add(new RuleProblem(test.where(), "field '" + test.field() + "': 'exists' takes true or false"));
            return null;
        }
        return new Predicate.FieldExists(field, Boolean.parseBoolean(v.toLowerCase()));
    }

    private Predicate fieldReference(FieldTest test, FieldAccessor field, List<RuleProblem> problems) {
        String relation = test.has("contains") ? "contains" : test.has("startswith") ? "startswith"
                : test.has("endswith") ? "endswith" : "equals";
        List<Predicate> refs = new ArrayList<>();
        for (String other : test.values()) {
            if (other == null || other.isBlank()) {
                problems.add(new RuleProblem(test.where(), "field '" + test.field() + "': 'fieldref' takes the name of another field"));
                return null;
            }
            refs.add(new Predicate.FieldReference(field, FieldAccessor.of(other), relation, test.has("cased")));
        }
        Predicate[] operands = refs.toArray(Predicate[]::new);
        return operands.length == 1 ? operands[0] : test.has("all") ? new Predicate.AllOf(operands) : new Predicate.AnyOf(operands);
    }

    /** Substitutes configured placeholders; dynamic ones ({@code %external_accounts%}) are handled by the caller. */
    private List<String> expand(FieldTest test, String value, List<RuleProblem> problems) {
        if (!test.has("expand")) {
            return test.has("base64offset") ? List.of() : List.of(value);
        }
        if (isDynamic(value)) {
            return List.of();
        }
        List<String> out = List.of(value);
        Matcher m = PLACEHOLDER.matcher(value);
        boolean any = false;
        while (m.find()) {
            any = true;
            String name = m.group(1);
            List<String> substitutes = placeholders.get(name);
            if (substitutes == null) {
                problems.add(new RuleProblem(test.where(), "field '" + test.field() + "': placeholder %" + name + "% has no values:"
                        + " configure it (scan: --placeholders FILE, a YAML map of name to list of values)"));
                return List.of();
            }
            List<String> next = new ArrayList<>();
            for (String partial : out) {
                for (String s : substitutes) {
                    next.add(partial.replace("%" + name + "%", s));
                }
            }
            out = next;
        }
        if (!any) {
            problems.add(new RuleProblem(test.where(), "field '" + test.field() + "': 'expand' needs a %placeholder% in the value"));
        }
        return out;
    }

    private static boolean isDynamic(String value) {
        return value.equals("%" + EXTERNAL_ACCOUNTS + "%") || value.equals("%" + OWN_ACCOUNTS + "%");
    }

    private ValueMatcher valueMatcher(FieldTest test, String value, List<RuleProblem> problems) {
        boolean cased = test.has("cased");
        String where = "field '" + test.field() + "': ";
        if (test.has("re")) {
            int flags = (test.has("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                    | (test.has("m") ? Pattern.MULTILINE : 0) | (test.has("s") ? Pattern.DOTALL : 0);
            try {
                return new ValueMatcher.Regex(Pattern.compile(value, flags));
            } catch (PatternSyntaxException e) {
                problems.add(new RuleProblem(test.where(), where + "invalid regular expression '" + value + "': "
                        + e.getDescription() + " at index " + e.getIndex()));
                return null;
            }
        }
        if (test.has("cidr")) {
            try {
                return new ValueMatcher.Network(IpNetwork.parse(value));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(test.where(), where + e.getMessage()));
                return null;
            }
        }
        for (String op : NUMERIC) {
            if (test.has(op)) {
                try {
                    return new ValueMatcher.Numeric(op, Double.parseDouble(value.strip()));
                } catch (NumberFormatException e) {
                    problems.add(new RuleProblem(test.where(), where + "'" + op + "' needs a number, got '" + value + "'"));
                    return null;
                }
            }
        }
        SigmaPattern pattern = SigmaPattern.parse(value);
        if (test.has("base64")) {
            if (pattern.hasWildcards()) {
                problems.add(new RuleProblem(test.where(), where + "'base64' encodes the value as it is: remove the wildcards from '" + value + "'"));
                return null;
            }
            pattern = SigmaPattern.literal(Base64.getEncoder().encodeToString(pattern.text().getBytes(StandardCharsets.UTF_8)));
            cased = true;   // an encoding is only found in its exact case
        }
        pattern = pattern.surrounded(test.has("contains") || test.has("endswith"), test.has("contains") || test.has("startswith"));
        return pattern.matcher(cased);
    }

    /** The three encodings of {@code value} at each byte offset, trimmed of the characters its neighbours affect. */
    private static List<ValueMatcher> base64Offsets(FieldTest test, String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        int[] start = {0, 2, 3};
        int[] endTrim = {0, 3, 2};
        List<ValueMatcher> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[raw.length + i];
            for (int j = 0; j < i; j++) {
                shifted[j] = ' ';
            }
            System.arraycopy(raw, 0, shifted, i, raw.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - endTrim[(raw.length + i) % 3];
            if (end > start[i]) {
                out.add(new ValueMatcher.Contains(encoded.substring(start[i], end), true));
            }
        }
        return out;
    }
}
