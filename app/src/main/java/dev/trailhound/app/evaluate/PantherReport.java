package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Panther rule-test figures.
 *
 * @param figures    the headline numbers
 * @param unreadable rejection reason (digits of quoted values shown as 9: one timestamp format is one entry) to the number of cases
 *                   whose event {@code scan} could not read
 * @param cases      every case, in file order
 * @param labelNotes oddities found in the cases
 */
public record PantherReport(List<Figure> figures, Map<String, Long> unreadable, List<PantherCase> cases, List<String> labelNotes)
        implements DatasetReport {
    public PantherReport {
        figures = List.copyOf(figures);
        unreadable = Collections.unmodifiableMap(new TreeMap<>(unreadable));
        cases = List.copyOf(cases);
        labelNotes = List.copyOf(labelNotes);
    }
}
