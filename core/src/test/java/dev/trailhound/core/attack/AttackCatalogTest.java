package dev.trailhound.core.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttackCatalogTest {

    private final AttackCatalog catalog = AttackCatalog.v19();

    private Tactic tactic(String id) {
        return catalog.tactic(id).orElseThrow();
    }

    private Technique technique(String id) {
        return catalog.technique(id).orElseThrow();
    }

    @Test
    void lists_the_fifteen_v19_tactics_in_kill_chain_order() {
        assertThat(catalog.tactics()).extracting(Tactic::id).containsExactly(
                "TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0112",
                "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040");
        assertThat(catalog.tactics()).extracting(Tactic::order)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void names_ta0005_stealth_and_ta0112_defense_impairment_as_v19_does() {
        assertThat(tactic("TA0005")).isEqualTo(new Tactic("TA0005", "stealth", "Stealth", 7));
        assertThat(tactic("TA0112")).isEqualTo(new Tactic("TA0112", "defense-impairment", "Defense Impairment", 8));
    }

    @Test
    void holds_every_v19_technique_and_sub_technique() {
        assertThat(catalog.techniques()).filteredOn(t -> !t.isSubTechnique()).hasSize(222);
        assertThat(catalog.techniques()).filteredOn(Technique::isSubTechnique).hasSize(475);
        assertThat(catalog.v18Translations()).hasSize(17);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TA0006", "ta0006", "credential-access", "credential_access", "Credential Access",
            "CREDENTIAL ACCESS", " credential-access "})
    void finds_a_tactic_by_any_of_its_spellings(String spelling) {
        assertThat(catalog.tactic(spelling)).get().extracting(Tactic::id).isEqualTo("TA0006");
    }

    @ParameterizedTest
    @ValueSource(strings = {"defense-evasion", "defense_evasion", "Defense Evasion"})
    void resolves_the_v18_defense_evasion_tactic_to_stealth_which_kept_its_id(String spelling) {
        assertThat(catalog.tactic(spelling)).contains(tactic("TA0005"));
    }

    @Test
    void finds_the_tactics_whose_names_are_not_their_short_names() {
        assertThat(catalog.tactic("command_and_control")).contains(tactic("TA0011"));
        assertThat(catalog.tactic("Command and Control")).contains(tactic("TA0011"));
        assertThat(catalog.tactic("defense_impairment")).contains(tactic("TA0112"));
    }

    @Test
    void finds_a_sub_technique_by_id_in_any_case() {
        var cloudAccounts = technique("t1078.004");

        assertThat(cloudAccounts).isEqualTo(new Technique("T1078.004", "Cloud Accounts", "T1078",
                List.of("TA0001", "TA0003", "TA0004", "TA0005")));
        assertThat(catalog.displayName(cloudAccounts)).isEqualTo("Valid Accounts: Cloud Accounts");
        assertThat(catalog.displayName(technique("T1078"))).isEqualTo("Valid Accounts");
    }

    @Test
    void translates_the_retired_v18_cloud_logs_technique_to_its_v19_successor() {
        assertThat(catalog.translate("T1562.008")).isEqualTo("T1685.002");
        assertThat(catalog.translate("t1562.008")).isEqualTo("T1685.002");

        var cloudLog = technique("T1562.008");
        assertThat(cloudLog.id()).isEqualTo("T1685.002");
        assertThat(catalog.displayName(cloudLog)).isEqualTo("Disable or Modify Tools: Disable or Modify Cloud Log");
        assertThat(catalog.tacticsOf(cloudLog)).containsExactly(tactic("defense-impairment"));
    }

    @Test
    void translates_every_retired_v18_technique() {
        assertThat(catalog.v18Translations()).containsAllEntriesOf(Map.of(
                "T1562", "T1685", "T1562.001", "T1685", "T1562.007", "T1686.001",
                "T1070.001", "T1685.005", "T1656", "T1684.001", "T1672", "T1684.002"));
        assertThat(catalog.v18Translations()).allSatisfy((old, current) -> {
            assertThat(catalog.technique(old)).map(Technique::id).contains(current);
            assertThat(catalog.techniques()).extracting(Technique::id).doesNotContain(old);
        });
    }

    @Test
    void leaves_current_ids_as_they_are_when_translating() {
        assertThat(catalog.translate("T1078.004")).isEqualTo("T1078.004");
        assertThat(catalog.translate(" t1530 ")).isEqualTo("T1530");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T9999", "T1078.999", "TA0006", "", "Valid Accounts"})
    void finds_no_technique_for_an_unknown_id(String id) {
        assertThat(catalog.technique(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TA9999", "defense", "T1078", "", "credential--access"})
    void finds_no_tactic_for_an_unknown_spelling(String spelling) {
        assertThat(catalog.tactic(spelling)).isEmpty();
    }

    @Test
    void finds_nothing_for_null() {
        assertThat(catalog.tactic(null)).isEmpty();
        assertThat(catalog.technique(null)).isEmpty();
    }

    @Test
    void gives_every_sub_technique_a_parent_that_exists() {
        assertThat(catalog.techniques()).filteredOn(Technique::isSubTechnique).allSatisfy(sub -> {
            assertThat(catalog.parent(sub)).get().extracting(Technique::id).isEqualTo(sub.parentId());
            assertThat(sub.id()).startsWith(sub.parentId() + ".");
        });
        assertThat(catalog.parent(technique("T1078"))).isEmpty();
    }

    @Test
    void gives_every_technique_tactics_that_exist_in_kill_chain_order() {
        assertThat(catalog.techniques()).allSatisfy(technique -> {
            assertThat(technique.tacticIds()).isNotEmpty();
            assertThat(technique.tacticIds()).allSatisfy(id -> assertThat(catalog.tactic(id)).isPresent());
            assertThat(catalog.tacticsOf(technique)).extracting(Tactic::id)
                    .containsExactlyElementsOf(technique.tacticIds());
        });
    }

    @Test
    void knows_which_tactics_a_technique_belongs_to() {
        var cloudAccounts = technique("T1078.004");

        assertThat(catalog.belongsTo(cloudAccounts, tactic("persistence"))).isTrue();
        assertThat(catalog.belongsTo(cloudAccounts, tactic("stealth"))).isTrue();
        assertThat(catalog.belongsTo(cloudAccounts, tactic("impact"))).isFalse();
        assertThat(catalog.belongsTo(technique("T1562.008"), tactic("defense-evasion"))).isFalse();
    }

    @Test
    void sorts_tactics_by_kill_chain() {
        var shuffled = Set.of(tactic("impact"), tactic("initial-access"), tactic("defense-impairment"),
                tactic("stealth"), tactic("reconnaissance"));

        assertThat(catalog.sortByKillChain(shuffled)).extracting(Tactic::id)
                .containsExactly("TA0043", "TA0001", "TA0005", "TA0112", "TA0040");
        assertThat(shuffled.stream().sorted(Tactic.killChainOrder()).toList())
                .isEqualTo(catalog.sortByKillChain(shuffled));
    }

    @Test
    void is_loaded_once_and_cannot_be_modified() {
        assertThat(AttackCatalog.v19()).isSameAs(catalog);
        assertThatThrownBy(() -> catalog.tactics().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.techniques().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.v18Translations().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> technique("T1078").tacticIds().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void names_the_resource_when_it_cannot_be_found() {
        assertThatThrownBy(() -> AttackCatalog.fromResource("/dev/trailhound/core/attack/missing.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/dev/trailhound/core/attack/missing.tsv");
    }

    @Test
    void names_the_resource_and_line_of_a_malformed_record() {
        var tsv = "# comment\ntactic\tTA0001\tinitial-access\tInitial Access\ntechnique\tT1078\n";

        assertThatThrownBy(() -> AttackCatalogReader.read("broken.tsv", new BufferedReader(new StringReader(tsv))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("broken.tsv:3: ");
    }

    @Test
    void lists_every_broken_invariant_of_a_catalogue_at_once() {
        var tsv = """
                tactic\tTA0001\tinitial-access\tInitial Access
                technique\tT1078\tValid Accounts\tTA0001
                technique\tT1098.001\tAdditional Cloud Credentials\tTA0003
                v18\tT1562.008\tT1685.002\tDisable or Modify Cloud Logs\tmanual
                """;

        assertThatThrownBy(() -> AttackCatalogReader.read("broken.tsv", new BufferedReader(new StringReader(tsv))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.tsv")
                .hasMessageContaining("T1098.001 names unknown tactic TA0003")
                .hasMessageContaining("T1098.001 has no parent T1098")
                .hasMessageContaining("T1562.008 translates to unknown technique T1685.002");
    }
}
