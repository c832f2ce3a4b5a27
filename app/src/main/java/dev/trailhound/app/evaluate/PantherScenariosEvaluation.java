package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Panther's demo scenarios ({@code panther-scenarios/}: labels.json marks each file malicious (attacker) or
 * benign (victim)). Each file is scanned whole, as it is; each record is also scanned alone, because the
 * upstream files give every record the same eventID, so a whole-file scan keeps only the records that
 * de-duplication lets through.
 */
public final class PantherScenariosEvaluation {
    private PantherScenariosEvaluation() {
    }

    public static ScenariosReport evaluate(Path dir, CorpusScanner scanner) {
        Path labelsFile = dir.resolve("labels.json");
        JsonNode labels = CorpusFiles.readJson(labelsFile);
        if (!labels.path("files").isArray() || labels.path("files").isEmpty()) {
            throw new CorpusException(labelsFile + ": no \"files\" array");
        }
        List<ScenarioFile> files = new ArrayList<>();
        List<ScenarioRecord> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (ScratchFiles scratch = new ScratchFiles()) {
            for (JsonNode entry : labels.path("files")) {
                String name = CorpusFiles.text(entry, "file", labelsFile);
                boolean malicious = "malicious".equals(CorpusFiles.text(entry, "label", labelsFile));
                Path file = dir.resolve(name);
                List<JsonNode> lines = CorpusFiles.readJsonLines(file);
                ScanOutcome whole = scanner.scan(List.of(file));
                files.add(new ScenarioFile(name, malicious, lines.size(), whole.summary().events(), whole.summary().duplicates(),
                        whole.rejectionsByReason(), whole.briefs()));
                Set<String> ids = lines.stream().map(r -> r.path("eventID").asText("")).collect(Collectors.toSet());
                if (lines.size() > 1 && ids.size() < lines.size()) {
                    notes.add(name + ": " + lines.size() + " records share " + ids.size() + " eventID(s) " + ids
                            + "; scanning the file whole kept " + whole.summary().events());
                }
                for (int i = 0; i < lines.size(); i++) {
                    Path single = scratch.write(lines.get(i));
                    ScanOutcome alone = scanner.scan(List.of(single));
                    scratch.delete(single);
                    records.add(new ScenarioRecord(name, i + 1, EventNames.call(lines.get(i)), lines.get(i).path("eventTime").asText(""),
                            malicious, alone.rejectionsByReason(), alone.briefs()));
                }
            }
        }
        return new ScenariosReport(figures(files, records), files, records, notes);
    }

    private static List<Figure> figures(List<ScenarioFile> files, List<ScenarioRecord> records) {
        long attackerFiles = files.stream().filter(ScenarioFile::malicious).count();
        long attackerFilesDetected = files.stream().filter(f -> f.malicious() && !f.threats().isEmpty()).count();
        long victimThreats = files.stream().filter(f -> !f.malicious()).mapToLong(f -> f.threats().size()).sum();
        long attackerRecords = records.stream().filter(ScenarioRecord::malicious).count();
        long attackerRecordsDetected = records.stream().filter(r -> r.malicious() && !r.threats().isEmpty()).count();
        long victimRecords = records.size() - attackerRecords;
        long victimRecordsWithThreats = records.stream().filter(r -> !r.malicious() && !r.threats().isEmpty()).count();
        return List.of(
                Figure.info("scenarios.attackerFilesDetected", "Panther scenario attacker files (whole) with a threat",
                        attackerFilesDetected, attackerFiles),
                Figure.info("scenarios.attackerRecordsDetected", "Panther scenario attacker records (alone) with a threat",
                        attackerRecordsDetected, attackerRecords),
                Figure.info("scenarios.victimThreats", "Panther scenario threats on victim files (whole)", victimThreats, -1),
                Figure.info("scenarios.victimRecordsWithThreats", "Panther scenario victim records (alone) with a threat",
                        victimRecordsWithThreats, victimRecords));
    }
}
