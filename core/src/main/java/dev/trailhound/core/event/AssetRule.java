package dev.trailhound.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One event line of the asset table: for events of {@code source} whose name matches {@code events}, the
 * values at {@code parts} (joined with {@code /} when there are several) are ids of assets of
 * {@code type} and {@code kind}.
 */
record AssetRule(int line, String source, NamePattern events, String type, String kind, List<FieldPath> parts,
        IdForm form) {
    AssetRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        parts = List.copyOf(parts);
        Objects.requireNonNull(form, "form");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a rule needs a path");
        }
    }

    /** Passes the id of every asset this rule finds in {@code record} to {@code ids}. */
    void forEachId(JsonNode record, Consumer<String> ids) {
        if (parts.size() == 1) {
            parts.getFirst().forEachValue(record, value -> ids.accept(form.apply(value)));
            return;
        }
        List<String> joined = List.of("");
        for (FieldPath part : parts) {
            List<String> values = part.values(record);
            if (values.isEmpty()) {
                return;
            }
            List<String> next = new ArrayList<>(joined.size() * values.size());
            for (String prefix : joined) {
                for (String value : values) {
                    next.add(prefix.isEmpty() ? value : prefix + '/' + value);
                }
            }
            joined = next;
        }
        for (String value : joined) {
            ids.accept(form.apply(value));
        }
    }
}
