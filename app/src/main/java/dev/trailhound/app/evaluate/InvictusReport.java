package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Invictus IR figures.
 *
 * @param figures          the headline numbers
 * @param events           events read from the capture
 * @param rejections       rejection reason to count, if any
 * @param techniques       the techniques with key calls in the capture, in label order
 * @param noiseThreats     threats whose detections name only warm-up, revert, background (or other benign) events
 * @param attackThreats    threats with a detection on a detonation event
 * @param unlabelledThreats threats with a detection on an event the labels do not list
 * @param labelNotes       oddities found in the labels
 */
public record InvictusReport(List<Figure> figures, long events, Map<String, Long> rejections, List<InvictusTechnique> techniques,
        List<LabelledThreat> noiseThreats, List<LabelledThreat> attackThreats, List<LabelledThreat> unlabelledThreats,
        List<String> labelNotes) implements DatasetReport {
    public InvictusReport {
        figures = List.copyOf(figures);
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        techniques = List.copyOf(techniques);
        noiseThreats = List.copyOf(noiseThreats);
        attackThreats = List.copyOf(attackThreats);
        unlabelledThreats = List.copyOf(unlabelledThreats);
        labelNotes = List.copyOf(labelNotes);
    }
}
