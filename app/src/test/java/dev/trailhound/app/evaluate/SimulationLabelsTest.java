package dev.trailhound.app.evaluate;

import static dev.trailhound.app.evaluate.CorpusFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationLabelsTest {
    @TempDir
    Path dir;

    @Test
    void reads_the_scenarios_and_notes_what_cannot_be_scored_as_labelled() {
        Path file = write(dir.resolve("labels.json"), """
                {"format": "trailhound-simulation-labels/1", "scenarios": [
                  {"id": "backdoor", "kind": "attack", "title": "A backdoor user", "tactics": ["TA0003", "Persistence", "TA9999"],
                   "principalArns": ["arn:aws:iam::111122223333:user/ci"], "start": "2026-11-02T02:13:00Z",
                   "end": "2026-11-02T02:16:00Z", "eventIds": ["e1", "e2"], "keyEventIds": []},
                  {"id": "drill", "kind": "exercise", "title": "?", "start": "2026-11-02T00:00:00Z", "end": "2026-11-02T00:00:00Z"},
                  {"id": "new-hire", "kind": "benign", "signal": "behaviour", "title": "First days", "tactics": [],
                   "principalArns": ["arn:aws:sts::111122223333:assumed-role/Dev/priya"], "start": "2026-11-05T00:00:00Z",
                   "end": "2026-11-09T00:00:00Z", "eventIds": [], "keyEventIds": []},
                  {"id": "odd-hours", "kind": "attack", "signal": "hunch", "title": "?", "tactics": ["TA0006"],
                   "start": "2026-11-12T01:00:00Z", "end": "2026-11-12T01:05:00Z", "eventIds": ["o1"], "keyEventIds": ["o1"]}
                ]}""");

        SimulationLabels labels = SimulationLabels.read(file);

        assertThat(labels.scenarios()).extracting(SimulatedScenario::id, SimulatedScenario::signal).as("no signal: rules")
                .containsExactly(tuple("backdoor", "rules"), tuple("new-hire", "behaviour"), tuple("odd-hours", "rules"));
        SimulatedScenario backdoor = labels.scenarios().get(0);
        assertThat(backdoor.tactics()).as("a name and an id of one tactic").containsExactly("TA0003");
        assertThat(backdoor.keyEventIds()).as("an attack without key events is judged on all its events").containsExactly("e1", "e2");
        assertThat(backdoor.startMillis()).isEqualTo(java.time.Instant.parse("2026-11-02T02:13:00Z").toEpochMilli());
        assertThat(labels.notes()).containsExactly("backdoor: tactic \"TA9999\" is not in the ATT&CK v19 catalogue",
                "backdoor: an attack without keyEventIds; judged on all its events",
                "drill: kind \"exercise\" is neither attack nor benign; left out",
                "odd-hours: signal \"hunch\" is neither rules nor behaviour; counted as rules");
    }

    @Test
    void a_label_file_of_another_shape_fails_with_the_file_named() {
        Path file = write(dir.resolve("labels.json"), "{\"files\": []}");

        assertThatThrownBy(() -> SimulationLabels.read(file)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("labels.json: no \"scenarios\" array");
    }
}
