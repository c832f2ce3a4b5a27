package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.threat.Threat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Invictus IR run ({@code invictus-aws-dataset/}: {@code events.jsonl}, {@code labels.json},
 * {@code record_labels.jsonl}): Stratus techniques detonated back to back in one real account, with Terraform
 * warm-up, reverts and unrelated background activity around them, every record labelled with its phase.
 *
 * <p>The capture is scanned once, whole. A technique with key calls in the capture is detected when some
 * detection names one of its key events ({@code eventId} or {@code eventIds}). A threat is noise when every
 * event its detections name is labelled with a phase other than {@code detonation}.
 */
public final class InvictusEvaluation {
    static final String DETONATION = "detonation";
    /** The rules issue's targets: at least 24 of the 25 techniques, at most 5 noise threats. */
    static final int TARGET_DETECTED = 24;
    static final int TARGET_NOISE = 5;

    private InvictusEvaluation() {
    }

    public static InvictusReport evaluate(Path dir, CorpusScanner scanner) {
        Path labelsFile = dir.resolve("labels.json");
        Map<String, RecordLabel> records = readRecordLabels(dir.resolve("record_labels.jsonl"));
        List<String> notes = new ArrayList<>();
        List<Technique> techniques = techniques(CorpusFiles.readJson(labelsFile), labelsFile, records, notes);
        Path capture = dir.resolve("events.jsonl");
        ScanOutcome outcome = scanner.scan(List.of(capture));
        Map<String, RecordedCall> calls = EventNames.byEventId(capture);
        List<InvictusTechnique> results = techniques.stream().map(t -> judge(t, outcome.threats(), records, calls)).toList();
        ThreatLabels threats = new ThreatLabels(outcome.threats(), records, Set.of(DETONATION));
        long detected = results.stream().filter(InvictusTechnique::detected).count();
        List<Figure> figures = List.of(
                Figure.atLeast("invictus.detected", "Invictus techniques detected on their key events", detected, results.size(),
                        TARGET_DETECTED),
                Figure.atMost("invictus.noiseThreats", "Invictus threats made only of warm-up/revert/background events",
                        threats.noise.size(), TARGET_NOISE),
                Figure.info("invictus.attackThreats", "Invictus threats with a detection on a detonation event",
                        threats.attack.size(), -1));
        return new InvictusReport(figures, outcome.summary().events(), outcome.rejectionsByReason(), results, threats.noise,
                threats.attack, threats.unlabelled, notes);
    }

    private record Technique(String id, List<String> keyCalls, List<String> keyEventIds) {
    }

    private static Map<String, RecordLabel> readRecordLabels(Path file) {
        Map<String, RecordLabel> labels = new HashMap<>();
        for (JsonNode r : CorpusFiles.readJsonLines(file)) {
            String technique = r.path("technique").isTextual() ? r.path("technique").asText() : null;
            labels.put(CorpusFiles.text(r, "eventID", file), new RecordLabel(r.path("event").asText(""), technique,
                    CorpusFiles.text(r, "phase", file), r.path("key_event").asBoolean(false)));
        }
        return labels;
    }

    /** The labelled techniques with key calls in the capture, each with the ids of its key events. */
    private static List<Technique> techniques(JsonNode labels, Path labelsFile, Map<String, RecordLabel> records, List<String> notes) {
        JsonNode entries = labels.path("techniques");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new CorpusException(labelsFile + ": no \"techniques\" array");
        }
        Map<String, List<String>> keyIdsByTechnique = new HashMap<>();
        records.forEach((id, r) -> {
            if (r.key()) {
                keyIdsByTechnique.computeIfAbsent(r.technique(), t -> new ArrayList<>()).add(id);
            }
        });
        List<Technique> techniques = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode entry : entries) {
            String id = CorpusFiles.text(entry, "technique", labelsFile);
            listed.add(id);
            JsonNode present = entry.path("key_events_present");
            if (!present.isObject() || present.isEmpty()) {
                continue;
            }
            List<String> keyIds = keyIdsByTechnique.getOrDefault(id, List.of()).stream().sorted().toList();
            long expected = 0;
            for (var field : present.properties()) {
                expected += field.getValue().asLong();
            }
            if (keyIds.size() != expected) {
                notes.add(id + ": labels.json counts " + expected + " key events, record_labels.jsonl marks " + keyIds.size());
            }
            List<String> calls = keyIds.stream().map(k -> records.get(k).call()).distinct().sorted().toList();
            techniques.add(new Technique(id, calls, keyIds));
        }
        keyIdsByTechnique.keySet().stream().filter(t -> !listed.contains(t))
                .forEach(t -> notes.add("record_labels.jsonl marks key events of " + t + ", which labels.json does not list"));
        return techniques;
    }

    private static InvictusTechnique judge(Technique technique, List<Threat> threats, Map<String, RecordLabel> records,
            Map<String, RecordedCall> calls) {
        Set<String> keyIds = Set.copyOf(technique.keyEventIds());
        Set<String> detecting = new LinkedHashSet<>();
        Set<String> offKey = new LinkedHashSet<>();
        for (Threat threat : threats) {
            for (Detection d : threat.detections()) {
                Set<String> ids = new LinkedHashSet<>(d.eventIds());
                ids.add(d.eventId());
                String rule = d.ruleId() + " " + d.title();
                if (ids.stream().anyMatch(keyIds::contains)) {
                    detecting.add(rule);
                } else if (ids.stream().map(records::get).anyMatch(r -> r != null && DETONATION.equals(r.phase())
                        && technique.id().equals(r.technique()))) {
                    offKey.add(rule);
                }
            }
        }
        offKey.removeAll(detecting);
        Map<String, Long> keyOutcomes = EventNames.outcomes(technique.keyEventIds().stream().map(calls::get)
                .filter(Objects::nonNull).toList());
        return new InvictusTechnique(technique.id(), technique.keyCalls(), technique.keyEventIds(), keyOutcomes, !detecting.isEmpty(),
                List.copyOf(detecting), List.copyOf(offKey));
    }
}
