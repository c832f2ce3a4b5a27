package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A threat with the labels of the events its detections name.
 *
 * @param threat     the threat
 * @param phases     label (phase) to the number of detection events with it
 * @param techniques the techniques those events are labelled with (warm-up and revert events carry theirs)
 */
public record LabelledThreat(ThreatBrief threat, Map<String, Long> phases, List<String> techniques) {
    public LabelledThreat {
        phases = Collections.unmodifiableMap(new TreeMap<>(phases));
        techniques = List.copyOf(techniques);
    }
}
