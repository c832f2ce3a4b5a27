package dev.trailhound.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedTacticsTest {
    @Test
    void a_v18_defense_evasion_label_accepts_stealth_or_defense_impairment() {
        assertThat(ExpectedTactics.of("Defense Evasion")).contains(java.util.Set.of("TA0005", "TA0112"));
        assertThat(ExpectedTactics.of("TA0005:T1562.008")).contains(java.util.Set.of("TA0005", "TA0112"));
    }

    @Test
    void other_tactics_accept_only_themselves_by_name_or_id() {
        assertThat(ExpectedTactics.of("Credential Access")).contains(java.util.Set.of("TA0006"));
        assertThat(ExpectedTactics.of("TA0007:T1078")).contains(java.util.Set.of("TA0007"));
        assertThat(ExpectedTactics.of("Defense Impairment")).contains(java.util.Set.of("TA0112"));
    }

    @Test
    void unknown_labels_are_reported_not_guessed() {
        List<String> unknown = new ArrayList<>();

        assertThat(ExpectedTactics.ofAll(List.of("Persistence", "Teleportation"), unknown)).containsExactly("TA0003");
        assertThat(unknown).containsExactly("Teleportation");
    }
}
