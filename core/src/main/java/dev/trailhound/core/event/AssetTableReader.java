package dev.trailhound.core.event;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the asset table (format described at the top of {@code assets.tsv}) and compiles it. Every
 * problem fails the load with an {@link IllegalStateException} that names the table and the line.
 */
final class AssetTableReader {
    /** The first column of lines that map entries of a record's {@code resources} array. */
    static final String RESOURCES = "resources[]";

    private static final int COLUMNS = 6;
    private static final String FORMS = Stream.of(IdForm.values()).map(IdForm::label)
            .collect(Collectors.joining(", "));

    private final String tableName;
    private final List<AssetRule> rules = new ArrayList<>();
    private final List<ResourceRule> resourceRules = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private int lineNumber;

    private AssetTableReader(String tableName) {
        this.tableName = tableName;
    }

    /**
     * Reads a whole table.
     *
     * @param tableName how errors name the table, e.g. its resource path
     */
    static AssetResolver read(String tableName, BufferedReader table) {
        AssetTableReader reader = new AssetTableReader(tableName);
        try {
            String line;
            while ((line = table.readLine()) != null) {
                reader.lineNumber++;
                reader.accept(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(tableName + ":" + reader.lineNumber + ": cannot read asset table", e);
        }
        return new AssetResolver(reader.rules, reader.resourceRules);
    }

    private void accept(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        String[] columns = trimmed.split("\t", -1);
        if (columns.length != COLUMNS) {
            throw problem("expected " + COLUMNS + " tab-separated columns, found " + columns.length);
        }
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columns[i].strip();
            if (columns[i].isEmpty()) {
                throw problem("column " + (i + 1) + " is empty");
            }
        }
        Integer earlier = seen.putIfAbsent(String.join("\t", List.of(columns).subList(0, COLUMNS - 1)), lineNumber);
        if (earlier != null) {
            throw problem("repeats line " + earlier);
        }
        try {
            if (columns[0].equals(RESOURCES)) {
                resourceRules.add(resourceRule(columns));
            } else {
                rules.add(eventRule(columns));
            }
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private AssetRule eventRule(String[] c) {
        if (!c[0].matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("'" + c[0] + "' is neither an eventSource nor " + RESOURCES);
        }
        List<FieldPath> parts = new ArrayList<>();
        for (String part : c[4].split("\\+", -1)) {
            parts.add(FieldPath.parse(part));
        }
        return new AssetRule(lineNumber, c[0], NamePattern.parse(c[1], ""), type(c[2], false), kind(c[3], false),
                parts, form(c[5]));
    }

    private ResourceRule resourceRule(String[] c) {
        if (c[4].contains("+")) {
            throw new IllegalArgumentException(RESOURCES + " lines take a single path");
        }
        return new ResourceRule(lineNumber, NamePattern.parse(c[1], ":"), type(c[2], true), kind(c[3], true),
                FieldPath.parse(c[4]), form(c[5]));
    }

    /** The type, or null for {@code *} on a {@code resources[]} line. */
    private static String type(String type, boolean derivable) {
        if (derivable && type.equals("*")) {
            return null;
        }
        if (!type.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("asset type '" + type + "' is not a short service name like EC2");
        }
        return type;
    }

    /** The kind, or null for {@code *} on a {@code resources[]} line. */
    private static String kind(String kind, boolean derivable) {
        if (derivable && kind.equals("*")) {
            return null;
        }
        if (!kind.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("asset kind '" + kind + "' is not kebab-case like security-group");
        }
        return kind;
    }

    private static IdForm form(String label) {
        return IdForm.byLabel(label).orElseThrow(() -> new IllegalArgumentException(
                "unknown id form '" + label + "' (expected one of " + FORMS + ")"));
    }

    private IllegalStateException problem(String message) {
        return new IllegalStateException(tableName + ":" + lineNumber + ": " + message);
    }
}
