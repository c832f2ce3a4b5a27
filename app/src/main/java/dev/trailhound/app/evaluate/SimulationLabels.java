package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulation's {@code labels.json} ({@code trailhound-simulation-labels/1}), as the simulator writes it.
 *
 * @param scenarios the scenarios, attacks and benign look-alikes, in label order
 * @param notes     oddities found while reading: tactics the catalogue does not know, unknown kinds and signals,
 *                  attacks without key events
 */
record SimulationLabels(List<SimulatedScenario> scenarios, List<String> notes) {
    SimulationLabels {
        scenarios = List.copyOf(scenarios);
        notes = List.copyOf(notes);
    }

    static SimulationLabels read(Path file) {
        JsonNode root = CorpusFiles.readJson(file);
        JsonNode entries = root.path("scenarios");
        if (!entries.isArray()) {
            throw new CorpusException(file + ": no \"scenarios\" array");
        }
        List<SimulatedScenario> scenarios = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode entry : entries) {
            String id = CorpusFiles.text(entry, "id", file);
            String kind = CorpusFiles.text(entry, "kind", file);
            if (!kind.equals(SimulatedScenario.ATTACK) && !kind.equals(SimulatedScenario.BENIGN)) {
                notes.add(id + ": kind \"" + kind + "\" is neither attack nor benign; left out");
                continue;
            }
            List<String> tactics = new ArrayList<>();
            for (String label : CorpusFiles.texts(entry, "tactics")) {
                AttackCatalog.v19().tactic(label.strip()).map(Tactic::id).ifPresentOrElse(tactics::add,
                        () -> notes.add(id + ": tactic \"" + label + "\" is not in the ATT&CK v19 catalogue"));
            }
            List<String> eventIds = CorpusFiles.texts(entry, "eventIds");
            List<String> keyEventIds = CorpusFiles.texts(entry, "keyEventIds");
            if (kind.equals(SimulatedScenario.ATTACK) && keyEventIds.isEmpty()) {
                notes.add(id + ": an attack without keyEventIds; judged on all its events");
                keyEventIds = eventIds;
            }
            String signal = entry.path("signal").asText(SimulatedScenario.RULES);
            if (!signal.equals(SimulatedScenario.RULES) && !signal.equals(SimulatedScenario.BEHAVIOUR)) {
                notes.add(id + ": signal \"" + signal + "\" is neither rules nor behaviour; counted as rules");
                signal = SimulatedScenario.RULES;
            }
            scenarios.add(new SimulatedScenario(id, kind, entry.path("title").asText(id), tactics.stream().distinct().toList(),
                    CorpusFiles.texts(entry, "principalArns"), millis(entry, "start", file), millis(entry, "end", file),
                    eventIds, keyEventIds, signal));
        }
        return new SimulationLabels(scenarios, notes);
    }

    private static long millis(JsonNode entry, String field, Path file) {
        String text = CorpusFiles.text(entry, field, file);
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new CorpusException(file + ": \"" + field + "\" is not an ISO-8601 instant: " + text);
        }
    }
}
