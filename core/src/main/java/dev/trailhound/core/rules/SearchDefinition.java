package dev.trailhound.core.rules;

import java.util.List;

/**
 * A named search of a Sigma {@code detection} block: a selection of field tests, or a list of keywords.
 */
public sealed interface SearchDefinition permits SearchDefinition.Fields, SearchDefinition.Keywords {
    String name();

    SourceLocation where();

    /**
     * A map of field tests (all must hold), or a list of such maps (any one must hold).
     *
     * @param alternatives one entry per map; each is the AND of its tests
     */
    record Fields(String name, List<List<FieldTest>> alternatives, SourceLocation where) implements SearchDefinition {
        public Fields {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }

    /** Bare values searched for anywhere in the record's text (any one must occur). */
    record Keywords(String name, FieldTest keywords, SourceLocation where) implements SearchDefinition {
    }
}
