package dev.trailhound.app.evaluate;

import dev.trailhound.core.threat.Threat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sorts the threats of a labelled capture by the labels of the events their detections name: attack (some
 * detection event has an attack label), noise (every detection event has a benign label) or unlabelled (some
 * detection event is not in the labels, and none is an attack event).
 */
final class ThreatLabels {
    final List<LabelledThreat> attack = new ArrayList<>();
    final List<LabelledThreat> noise = new ArrayList<>();
    final List<LabelledThreat> unlabelled = new ArrayList<>();

    ThreatLabels(List<Threat> threats, Map<String, RecordLabel> labels, Set<String> attackPhases) {
        for (Threat threat : threats) {
            Map<String, Long> phases = new TreeMap<>();
            Set<String> techniques = new LinkedHashSet<>();
            for (String id : ThreatBrief.detectionEventIds(threat)) {
                RecordLabel label = labels.get(id);
                phases.merge(label == null ? "(not labelled)" : label.phase(), 1L, Long::sum);
                if (label != null && label.technique() != null) {
                    techniques.add(label.technique());
                }
            }
            LabelledThreat labelled = new LabelledThreat(ThreatBrief.of(threat), phases, List.copyOf(techniques));
            if (phases.keySet().stream().anyMatch(attackPhases::contains)) {
                attack.add(labelled);
            } else if (phases.containsKey("(not labelled)")) {
                unlabelled.add(labelled);
            } else {
                noise.add(labelled);
            }
        }
    }
}
