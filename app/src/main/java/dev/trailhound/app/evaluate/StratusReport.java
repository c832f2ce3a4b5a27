package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * The Stratus Red Team figures.
 *
 * @param figures    the headline numbers
 * @param files      one entry per labelled capture, in label order
 * @param labelNotes oddities found in the labels (unknown tactics, files listed but absent)
 */
public record StratusReport(List<Figure> figures, List<StratusFile> files, List<String> labelNotes) implements DatasetReport {
    public StratusReport {
        figures = List.copyOf(figures);
        files = List.copyOf(files);
        labelNotes = List.copyOf(labelNotes);
    }
}
