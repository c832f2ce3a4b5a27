package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.threat.Threat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stratus Red Team captures ({@code stratus/*.jsonl} + {@code labels.json}): each capture holds one real
 * detonation of one technique. A capture is detected when scanning it alone raises a threat carrying one of
 * the label's tactics (v19; a v18 "Defense Evasion" label accepts Stealth or Defense Impairment).
 */
public final class StratusEvaluation {
    static final String DETECTED = "detected";
    static final String WRONG_TACTIC = "wrong-tactic";
    static final String NO_THREAT = "no-threat";
    static final String UNREADABLE = "unreadable";
    /** The rules issue's target: a threat with the right tactic for at least 33 of the 35 captures. */
    static final int TARGET = 33;

    private StratusEvaluation() {
    }

    public static StratusReport evaluate(Path dir, CorpusScanner scanner) {
        Path labelsFile = dir.resolve("labels.json");
        JsonNode labels = CorpusFiles.readJson(labelsFile);
        JsonNode entries = labels.path("files");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new CorpusException(labelsFile + ": no \"files\" array");
        }
        List<String> notes = new ArrayList<>();
        List<StratusFile> files = new ArrayList<>();
        for (JsonNode entry : entries) {
            String name = CorpusFiles.text(entry, "file", labelsFile);
            Path capture = dir.resolve(name);
            List<String> labelTactics = CorpusFiles.texts(entry, "mitre_tactics");
            List<String> unknown = new ArrayList<>();
            Set<String> accepted = ExpectedTactics.ofAll(labelTactics, unknown);
            unknown.forEach(u -> notes.add(name + ": tactic \"" + u + "\" is not in the ATT&CK catalogue"));
            if (labelTactics.isEmpty()) {
                notes.add(name + ": no mitre_tactics; it cannot be detected by tactic");
            }
            if (!Files.isRegularFile(capture)) {
                notes.add(name + ": listed in labels.json but absent; counted as not detected");
            }
            files.add(judge(name, entry, accepted, labelTactics, capture, scanner));
        }
        long detected = files.stream().filter(StratusFile::detected).count();
        long onKey = files.stream().filter(StratusFile::onKeyEvent).count();
        List<Figure> figures = List.of(
                Figure.atLeast("stratus.detected", "Stratus captures with a threat of the expected tactic", detected, files.size(), TARGET),
                Figure.info("stratus.detectedOnKeyEvent", "... of which the threat's detection is on a key event", onKey, files.size()));
        return new StratusReport(figures, files, notes);
    }

    private static StratusFile judge(String name, JsonNode entry, Set<String> accepted, List<String> labelTactics,
            Path capture, CorpusScanner scanner) {
        List<String> keyEvents = CorpusFiles.texts(entry, "detection_key_events");
        String technique = entry.path("technique").asText(name);
        ScanOutcome outcome = scanner.scan(List.of(capture));
        String verdict;
        if (outcome.unreadable()) {
            verdict = UNREADABLE;
        } else if (outcome.anyThreatWith(accepted)) {
            verdict = DETECTED;
        } else {
            verdict = outcome.threats().isEmpty() ? NO_THREAT : WRONG_TACTIC;
        }
        Map<String, RecordedCall> calls = Files.isRegularFile(capture) ? EventNames.byEventId(capture) : Map.of();
        boolean onKey = false;
        for (Threat threat : outcome.threatsWith(accepted)) {
            onKey |= ThreatBrief.detectionEventIds(threat).stream().map(calls::get)
                    .anyMatch(c -> c != null && keyEvents.contains(c.call()));
        }
        Map<String, Long> keyOutcomes = EventNames.outcomes(calls.values().stream().filter(c -> keyEvents.contains(c.call())).toList());
        return new StratusFile(name, technique, labelTactics, List.copyOf(accepted), verdict, onKey, keyEvents, keyOutcomes,
                outcome.summary().events(), outcome.rejectionsByReason(), outcome.briefs());
    }
}
