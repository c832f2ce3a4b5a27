package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * The Panther scenario figures.
 *
 * @param figures    the headline numbers
 * @param files      each file scanned whole
 * @param records    each record scanned alone
 * @param labelNotes oddities found in the files and labels
 */
public record ScenariosReport(List<Figure> figures, List<ScenarioFile> files, List<ScenarioRecord> records, List<String> labelNotes)
        implements DatasetReport {
    public ScenariosReport {
        figures = List.copyOf(figures);
        files = List.copyOf(files);
        records = List.copyOf(records);
        labelNotes = List.copyOf(labelNotes);
    }
}
