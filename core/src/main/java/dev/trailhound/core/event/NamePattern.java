package dev.trailhound.core.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled list of name patterns, written {@code CreateFlowLogs,DeleteFlowLogs}, {@code CreateFunction*}
 * or {@code *}: exact names, prefixes ending in {@code *}, or {@code *} alone for every name. Matching is
 * case-sensitive, as CloudTrail's event names and resource types are.
 */
final class NamePattern {
    private final boolean any;
    private final Set<String> exact;
    private final String[] prefixes;

    private NamePattern(boolean any, Set<String> exact, String[] prefixes) {
        this.any = any;
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /**
     * Compiles a comma-separated pattern list.
     *
     * @param allowed the characters a name may hold besides letters and digits
     * @throws IllegalArgumentException saying what is wrong with the list
     */
    static NamePattern parse(String text, String allowed) {
        if (text.equals("*")) {
            return new NamePattern(true, Set.of(), new String[0]);
        }
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            boolean prefix = item.endsWith("*");
            String name = prefix ? item.substring(0, item.length() - 1) : item;
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty name in '" + text + "'");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!Character.isLetterOrDigit(c) && allowed.indexOf(c) < 0) {
                    throw new IllegalArgumentException("unexpected '" + c + "' in '" + text + "'");
                }
            }
            if (prefix) {
                prefixes.add(name);
            } else {
                exact.add(name);
            }
        }
        return new NamePattern(false, Set.copyOf(exact), prefixes.toArray(String[]::new));
    }

    boolean matches(String name) {
        if (any) {
            return true;
        }
        if (name == null) {
            return false;
        }
        if (exact.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
