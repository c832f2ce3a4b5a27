package dev.trailhound.store.threat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The opaque cursor of a threat listing: the sort it belongs to and the last row's key. */
record ThreatCursor(ThreatSort sort, List<Object> key) {

    String encode() {
        StringBuilder text = new StringBuilder(sort.name());
        for (Object k : key) {
            text.append('|').append(k);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor of this sort */
    static ThreatCursor decode(String cursor, ThreatSort sort) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor of this listing: use the nextCursor of the previous page");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != sort.columns().size() + 1 || !parts[0].equals(sort.name())) {
            throw new IllegalArgumentException("not a cursor of this listing (sort " + sort.parameter()
                    + "): use the nextCursor of the previous page with the same sort");
        }
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < sort.columns().size(); i++) {
            String column = sort.columns().get(i);
            String value = parts[i + 1];
            if (column.equals("threat_id")) {
                key.add(value);
            } else {
                try {
                    key.add(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a cursor of this listing: use the nextCursor of the previous page");
                }
            }
        }
        return new ThreatCursor(sort, key);
    }

    /** The keyset condition "after this key" in the sort's direction, e.g. (a, b) < (?, ?) spelt out portably. */
    String after() {
        String op = sort.descending() ? "<" : ">";
        List<String> columns = sort.columns();
        // the first column's bound alone comes first: a range the database can start an index scan from (H2 does
        // not derive one from the "or" below, and reads a deep page from the start otherwise)
        StringBuilder sql = new StringBuilder("t.").append(columns.get(0)).append(' ').append(op).append("= ? and (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "(" : " or (");
            for (int j = 0; j < i; j++) {
                sql.append("t.").append(columns.get(j)).append(" = ? and ");
            }
            sql.append("t.").append(columns.get(i)).append(' ').append(op).append(" ?)");
        }
        return sql.append(')').toString();
    }

    List<Object> afterArguments() {
        List<Object> args = new ArrayList<>();
        args.add(key.get(0));
        for (int i = 0; i < key.size(); i++) {
            args.addAll(key.subList(0, i + 1));
        }
        return args;
    }
}
