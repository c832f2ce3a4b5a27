package dev.trailhound.core.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One {@code field|modifier|modifier: values} entry of a Sigma selection, as written.
 *
 * @param field     the dotted field path ({@code userIdentity.type}); empty for a bare keyword list
 * @param modifiers the modifiers in the order written ({@code contains}, {@code all}...)
 * @param values    the values; a {@code null} element is Sigma's {@code null} (field missing or null). Numbers and
 *                  booleans are kept in their textual form, as Sigma compares them.
 * @param where     where the entry starts
 */
public record FieldTest(String field, List<String> modifiers, List<String> values, SourceLocation where) {
    public FieldTest {
        Objects.requireNonNull(field, "field");
        modifiers = List.copyOf(modifiers);
        values = Collections.unmodifiableList(new ArrayList<>(values));
        Objects.requireNonNull(where, "where");
    }

    public boolean has(String modifier) {
        return modifiers.contains(modifier);
    }
}
