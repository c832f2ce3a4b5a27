package dev.trailhound.core.rules;

import java.util.Locale;

/** The kinds of Sigma correlation Trailhound evaluates. */
public enum CorrelationType {
    /** At least N matches of the rules within the timespan. */
    EVENT_COUNT,
    /** At least N distinct values of a field among the matches within the timespan. */
    VALUE_COUNT,
    /** Every rule matched within the timespan, in any order. */
    TEMPORAL,
    /** Every rule matched within the timespan, in the order listed. */
    TEMPORAL_ORDERED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
