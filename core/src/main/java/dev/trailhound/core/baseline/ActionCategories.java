package dev.trailhound.core.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Puts an action ({@code iam:CreateAccessKey}) in its {@link ActionCategory}, from the table
 * {@code action-categories.tsv}: the first matching pattern wins; an action no line names is a read when
 * CloudTrail marks it read-only or its name reads, else a change. Answers are remembered per action.
 */
public final class ActionCategories {
    static final String RESOURCE = "/dev/trailhound/core/baseline/action-categories.tsv";
    private static final int MAX_REMEMBERED = 16_384;
    private static final List<String> READ_PREFIXES = List.of("List", "Describe", "Get", "Head", "Lookup", "Search",
            "Query", "Scan", "Select", "Check", "Validate", "Estimate", "Preview", "View", "BatchGet");
    private static volatile ActionCategories standard;

    private record Line(String pattern, Pattern regex, String literal, ActionCategory category) {
        boolean matches(String action) {
            return literal != null ? literal.equalsIgnoreCase(action) : regex.matcher(action).matches();
        }
    }

    private final List<Line> lines;
    /** The table's answer per action, in a one-element array: {null} for actions it does not name. */
    private final Map<String, ActionCategory[]> known = new ConcurrentHashMap<>();

    private ActionCategories(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The built-in table. */
    public static ActionCategories standard() {
        ActionCategories s = standard;
        if (s == null) {
            try (InputStream in = ActionCategories.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
                }
                s = parse(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = s;
        }
        return s;
    }

    /** Reads a table; a bad line fails with its source and line number. */
    static ActionCategories parse(InputStream in, String source) throws IOException {
        List<Line> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String text;
        int number = 0;
        while ((text = reader.readLine()) != null) {
            number++;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] columns = text.split("\t");
            if (columns.length != 2 || !columns[0].contains(":")) {
                throw new IllegalArgumentException(source + ":" + number + ": expected 'service:Action<TAB>CATEGORY', got '" + text + "'");
            }
            ActionCategory category;
            try {
                category = ActionCategory.valueOf(columns[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": unknown category '" + columns[1].trim()
                        + "'; one of " + List.of(ActionCategory.values()));
            }
            String pattern = columns[0].trim();
            boolean glob = pattern.indexOf('*') >= 0;
            Pattern regex = glob ? Pattern.compile(("\\Q" + pattern.replace("*", "\\E.*\\Q") + "\\E"), Pattern.CASE_INSENSITIVE) : null;
            lines.add(new Line(pattern, regex, glob ? null : pattern, category));
        }
        return new ActionCategories(lines);
    }

    /** The category of {@code qualifiedAction} ({@code service:Action}); {@code readOnly} as CloudTrail says, or null. */
    public ActionCategory of(String qualifiedAction, Boolean readOnly) {
        // only the table's answer is remembered: an action it does not name is judged by this event's readOnly
        ActionCategory[] listed = known.get(qualifiedAction);
        if (listed == null) {
            listed = new ActionCategory[] {lookUp(qualifiedAction)};
            if (known.size() < MAX_REMEMBERED) {
                known.put(qualifiedAction, listed);
            }
        }
        if (listed[0] != null) {
            return listed[0];
        }
        String action = qualifiedAction.substring(qualifiedAction.indexOf(':') + 1);
        if (Boolean.TRUE.equals(readOnly) || reads(action)) {
            return isDiscovery(action) ? ActionCategory.DISCOVERY : ActionCategory.OTHER_READ;
        }
        return ActionCategory.OTHER_WRITE;
    }

    /** The line that names {@code qualifiedAction}, or null. */
    ActionCategory lookUp(String qualifiedAction) {
        for (Line line : lines) {
            if (line.matches(qualifiedAction)) {
                return line.category();
            }
        }
        return null;
    }

    /** Every line's pattern and category, in order (for tests). */
    List<Map.Entry<String, ActionCategory>> lines() {
        return lines.stream().map(l -> Map.entry(l.pattern(), l.category())).toList();
    }

    private static boolean reads(String action) {
        for (String prefix : READ_PREFIXES) {
            if (action.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Listing and describing what exists is discovery; getting one named thing is an ordinary read. */
    private static boolean isDiscovery(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("list") || a.startsWith("describe") || a.startsWith("search") || a.startsWith("lookup");
    }
}
