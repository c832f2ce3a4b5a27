package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * A threat of a simulated organisation that contains no event of any attack scenario.
 *
 * @param threat     the threat
 * @param lookAlikes the benign look-alike scenarios its detections name; empty when it was raised by the
 *                   organisation's routine activity alone
 */
public record FalsePositiveThreat(ThreatBrief threat, List<String> lookAlikes) {
    public FalsePositiveThreat {
        lookAlikes = List.copyOf(lookAlikes);
    }
}
