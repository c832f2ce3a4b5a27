package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OTRF "cloud bank breach S3" capture ({@code otrf-cloud-breach-s3/}: labels.json with a malicious or benign
 * label per record): stolen instance-role credentials used from outside AWS to list and download S3 objects,
 * amid the owner's console browsing. The listed files are scanned together, as they are. A malicious record is
 * detected when a detection names it; a false threat is one whose detections name only benign records.
 */
public final class OtrfEvaluation {
    static final String MALICIOUS = "malicious";

    private OtrfEvaluation() {
    }

    public static OtrfReport evaluate(Path dir, CorpusScanner scanner) {
        Path labelsFile = dir.resolve("labels.json");
        JsonNode labels = CorpusFiles.readJson(labelsFile);
        List<Path> files = new ArrayList<>();
        labels.path("files").forEach(f -> files.add(dir.resolve(CorpusFiles.text(f, "file", labelsFile))));
        if (files.isEmpty()) {
            throw new CorpusException(labelsFile + ": no \"files\" listed");
        }
        Map<String, RecordLabel> records = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode r : labels.path("record_labels")) {
            String id = CorpusFiles.text(r, "eventID", labelsFile);
            String label = CorpusFiles.text(r, "label", labelsFile);
            if (records.put(id, new RecordLabel(r.path("eventName").asText(""), null, label, MALICIOUS.equals(label))) != null) {
                notes.add("record_labels lists eventID " + id + " twice");
            }
        }
        ScanOutcome outcome = scanner.scan(files);
        ThreatLabels threats = new ThreatLabels(outcome.threats(), records, Set.of(MALICIOUS));
        List<String> malicious = records.entrySet().stream().filter(e -> e.getValue().key()).map(Map.Entry::getKey).sorted().toList();
        List<String> detected = malicious.stream().filter(id -> outcome.threats().stream()
                .anyMatch(t -> ThreatBrief.detectionEventIds(t).contains(id))).toList();
        List<Figure> figures = List.of(
                Figure.info("otrf.readable", "OTRF records scan could read", outcome.summary().events(), records.size()),
                Figure.info("otrf.maliciousDetected", "OTRF malicious records named by a detection", detected.size(), malicious.size()),
                Figure.info("otrf.falseThreats", "OTRF threats made only of benign records", threats.noise.size(), -1));
        return new OtrfReport(figures, records.size(), outcome.summary().events(), outcome.rejectionsByReason(), detected,
                threats.attack, threats.noise, threats.unlabelled, notes);
    }
}
