package dev.trailhound.store.suppression;

import java.util.List;

/**
 * What a rule would suppress if it were saved now.
 *
 * @param matches   open threats it covers (analysts' exemptions left out)
 * @param threatIds the first of them, most recent detection first
 */
public record SuppressionPreview(long matches, List<String> threatIds) {
    public SuppressionPreview {
        threatIds = List.copyOf(threatIds);
    }
}
