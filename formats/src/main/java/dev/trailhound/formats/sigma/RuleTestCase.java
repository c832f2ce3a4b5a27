package dev.trailhound.formats.sigma;

import dev.trailhound.core.rules.SourceLocation;
import java.util.List;

/**
 * One case of a rule test file: events fed in order, and whether the rule under test must raise a detection.
 *
 * @param events   the CloudTrail records, each as compact JSON text
 * @param accounts the organisation's own accounts for this case (recipients of the events are added)
 */
public record RuleTestCase(String name, boolean expectMatch, List<String> events, List<String> accounts, SourceLocation where) {
    public RuleTestCase {
        events = List.copyOf(events);
        accounts = List.copyOf(accounts);
    }
}
