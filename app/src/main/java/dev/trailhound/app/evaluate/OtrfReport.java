package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OTRF cloud-breach figures.
 *
 * @param figures           the headline numbers
 * @param records           labelled records
 * @param events            events {@code scan} read
 * @param rejections        rejection reason to count
 * @param maliciousDetected the malicious records some detection names
 * @param attackThreats     threats with a detection on a malicious record
 * @param falseThreats      threats whose detections name only benign records
 * @param unlabelledThreats threats with a detection on a record the labels do not list
 * @param labelNotes        oddities found in the labels
 */
public record OtrfReport(List<Figure> figures, long records, long events, Map<String, Long> rejections,
        List<String> maliciousDetected, List<LabelledThreat> attackThreats, List<LabelledThreat> falseThreats,
        List<LabelledThreat> unlabelledThreats, List<String> labelNotes) implements DatasetReport {
    public OtrfReport {
        figures = List.copyOf(figures);
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        maliciousDetected = List.copyOf(maliciousDetected);
        attackThreats = List.copyOf(attackThreats);
        falseThreats = List.copyOf(falseThreats);
        unlabelledThreats = List.copyOf(unlabelledThreats);
        labelNotes = List.copyOf(labelNotes);
    }
}
