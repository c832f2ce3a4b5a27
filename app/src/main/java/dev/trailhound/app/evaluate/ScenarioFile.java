package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Panther scenario file, scanned whole.
 *
 * @param file       its name
 * @param malicious  an attacker file (else the victim's legitimate baseline)
 * @param records    records in the file
 * @param events     events scan kept
 * @param duplicates records scan dropped as repeats of an eventID
 * @param rejections rejection reason to count
 * @param threats    every threat raised
 */
public record ScenarioFile(String file, boolean malicious, long records, long events, long duplicates,
        Map<String, Long> rejections, List<ThreatBrief> threats) {
    public ScenarioFile {
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        threats = List.copyOf(threats);
    }
}
