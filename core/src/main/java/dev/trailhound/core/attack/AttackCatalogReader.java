package dev.trailhound.core.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the catalogue TSV written by {@code tools/attack/generate-catalogue.py}. Tab-separated records, one a
 * line; blank lines and lines starting with {@code #} are skipped:
 * <pre>
 * tactic      TA0001     initial-access  Initial Access          (kill-chain order = line order)
 * technique   T1078.004  Cloud Accounts  TA0001,TA0003,TA0004,TA0005
 * v18-tactic  defense-evasion  TA0005  Defense Evasion
 * v18         T1562.008  T1685.002  Disable or Modify Cloud Logs  manual
 * </pre>
 * Columns after the ones listed as read are informative and ignored.
 */
final class AttackCatalogReader {

    private final String source;
    private final List<Tactic> tactics = new ArrayList<>();
    private final List<Technique> techniques = new ArrayList<>();
    private final Map<String, String> v18TacticAliases = new LinkedHashMap<>();
    private final Map<String, String> v18Translations = new LinkedHashMap<>();

    private AttackCatalogReader(String source) {
        this.source = source;
    }

    /**
     * Reads a whole catalogue.
     *
     * @param source the resource name, used in error messages
     * @throws IllegalStateException naming the source (and the line, where there is one) when the content is
     *                               malformed or the catalogue breaks an invariant
     */
    static AttackCatalog read(String source, BufferedReader in) throws IOException {
        var reader = new AttackCatalogReader(source);
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (!line.isBlank() && !line.startsWith("#")) {
                reader.record(lineNumber, line);
            }
        }
        try {
            return new AttackCatalog(reader.tactics, reader.techniques, reader.v18TacticAliases,
                    reader.v18Translations);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ATT&CK catalogue " + source + ": " + e.getMessage(), e);
        }
    }

    private void record(int lineNumber, String line) {
        var fields = line.split("\t", -1);
        try {
            switch (fields[0]) {
                case "tactic" -> tactics.add(new Tactic(field(fields, 1), field(fields, 2), field(fields, 3),
                        tactics.size() + 1));
                case "technique" -> techniques.add(technique(field(fields, 1), field(fields, 2), field(fields, 3)));
                case "v18-tactic" -> {
                    var current = field(fields, 2);
                    v18TacticAliases.put(field(fields, 1), current);
                    v18TacticAliases.put(field(fields, 3), current);
                }
                case "v18" -> v18Translations.put(field(fields, 1), field(fields, 2));
                default -> throw new IllegalArgumentException("unknown record type '" + fields[0] + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ":" + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static Technique technique(String id, String name, String tacticIds) {
        int dot = id.indexOf('.');
        var parentId = dot < 0 ? null : id.substring(0, dot);
        return new Technique(id, name, parentId, Arrays.asList(tacticIds.split(",")));
    }

    private static String field(String[] fields, int index) {
        if (index >= fields.length || fields[index].isBlank()) {
            throw new IllegalArgumentException("'" + fields[0] + "' record needs column " + (index + 1));
        }
        return fields[index];
    }
}
