package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of a Panther scenario file, scanned alone.
 *
 * @param file       the scenario file
 * @param line       its line there
 * @param call       "service:EventName"
 * @param eventTime  its eventTime as written
 * @param malicious  it comes from an attacker file
 * @param rejections rejection reason to count, when it was rejected
 * @param threats    every threat scanning it alone raised
 */
public record ScenarioRecord(String file, int line, String call, String eventTime, boolean malicious,
        Map<String, Long> rejections, List<ThreatBrief> threats) {
    public ScenarioRecord {
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        threats = List.copyOf(threats);
    }
}
