package dev.trailhound.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.threat.Threat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scoring a hand-built threat list against hand-built labels, whose every event id the test chooses. */
class SimulationScoringTest {
    private static final String ATTACKER = "arn:aws:iam::111122223333:user/ci-deploy";
    private static final String ADMIN = "arn:aws:sts::111122223333:assumed-role/Admin/alice@example.com";
    private static final String NEW_HIRE = "arn:aws:sts::111122223333:assumed-role/Developer/priya@example.com";

    private final List<SimulatedScenario> labels = List.of(
            attack("backdoor", List.of("a1", "a2", "a3", "a4"), List.of("a3", "a4"), "TA0003"),
            attack("recon-then-theft", List.of("b1", "b2"), List.of("b2"), "TA0006"),
            attack("unseen", List.of("c1"), List.of("c1"), "TA0040"),
            attack("wrong-tactic", List.of("d1"), List.of("d1"), "TA0040"),
            benign("resize", List.of("x1", "x2")),
            benign("quiet-review", List.of("y1")),
            new SimulatedScenario("new-hire", SimulatedScenario.BENIGN, "new-hire", List.of(), List.of(NEW_HIRE), 1_000, 5_000,
                    List.of(), List.of(), SimulatedScenario.BEHAVIOUR),
            new SimulatedScenario("stolen-key", SimulatedScenario.ATTACK, "stolen-key", List.of("TA0006"), List.of(ATTACKER), 0,
                    10_000, List.of("s1", "s2"), List.of("s2"), SimulatedScenario.BEHAVIOUR),
            new SimulatedScenario("quiet-ci", SimulatedScenario.ATTACK, "quiet-ci", List.of("TA0007"), List.of(ATTACKER), 0,
                    10_000, List.of("q1"), List.of("q1"), SimulatedScenario.BEHAVIOUR));

    private final List<Threat> threats = List.of(
            threat("t-backdoor", ATTACKER, List.of("a1", "a2", "a3"), detection("r-admin", "a3", 100, "TA0003")),
            threat("t-recon", ATTACKER, List.of("b1"), detection("r-recon", "b1", 100, "TA0006")),
            threat("t-wrong", ATTACKER, List.of("d1"), detection("r-initial", "d1", 100, "TA0001")),
            threat("t-resize", ADMIN, List.of("x1", "x2", "r1"), correlation("r-resize", "x2", List.of("x1", "x2"), "TA0040")),
            threat("t-noisy", ADMIN, List.of("r2", "r3"), detection("r-noisy", "r3", 100, "TA0003"),
                    detection("r-noisy", "r2", 200, "TA0003")),
            threat("t-noisy-other", ADMIN, List.of("r4"), detection("r-noisy", "r4", 100, "TA0003"),
                    detection("r-other", "r4", 100, "TA0007")),
            threat("t-hire-in-span", NEW_HIRE, List.of("n1"), detection("r-new", "n1", 2_000, "TA0007")),
            threat("t-hire-later", NEW_HIRE, List.of("n2"), detection("r-new", "n2", 9_000, "TA0007")),
            threat("t-holds-attack", ATTACKER, List.of("c1", "r9"), detection("r-other", "r9", 100, "TA0007")),
            threat("t-stolen-key", ATTACKER, List.of("s1", "s2"), detection("b-baseline", "s2", 100, "TA0006")));

    @Test
    void an_attack_counts_as_detected_only_on_a_key_event_and_with_its_tactic_only_when_that_threat_carries_one() {
        SimulationScore score = SimulationScoring.score(labels, threats);

        assertThat(score.attacks()).extracting(SimulatedAttack::scenario, SimulatedAttack::outcome, SimulatedAttack::withTactic)
                .containsExactly(tuple("backdoor", "detected", true), tuple("recon-then-theft", "off-key", false),
                        tuple("unseen", "missed", false), tuple("wrong-tactic", "detected", false),
                        tuple("stolen-key", "detected", true), tuple("quiet-ci", "missed", false));
        assertThat(score.attacksDetected()).isEqualTo(3);
        assertThat(score.attacksDetectedWithTactic()).isEqualTo(2);
        assertThat(score.attacks().get(0).keyRules()).containsExactly("r-admin r-admin fired");
        assertThat(score.attacks().get(1).offKeyRules()).containsExactly("r-recon r-recon fired");
        assertThat(score.attacks().get(2).threats()).as("a threat holding the event, detected elsewhere, is not a detection of it")
                .isEmpty();
    }

    @Test
    void a_benign_look_alike_raised_a_threat_when_a_detection_names_its_events_or_falls_in_its_principals_span() {
        SimulationScore score = SimulationScoring.score(labels, threats);

        assertThat(score.benign()).extracting(SimulatedBenign::scenario, SimulatedBenign::raised)
                .containsExactly(tuple("resize", true), tuple("quiet-review", false), tuple("new-hire", true));
        assertThat(score.benignRaised()).isEqualTo(2);
        assertThat(score.benign().get(2).threats()).extracting(ThreatBrief::threatId).containsExactly("t-hire-in-span");
    }

    @Test
    void a_false_positive_is_a_threat_with_no_attack_event_and_its_rules_are_ranked_by_threats() {
        SimulationScore score = SimulationScoring.score(labels, threats);

        assertThat(score.falsePositives()).extracting(f -> f.threat().threatId(), FalsePositiveThreat::lookAlikes).containsExactly(
                tuple("t-resize", List.of("resize")), tuple("t-noisy", List.of()), tuple("t-noisy-other", List.of()),
                tuple("t-hire-in-span", List.of("new-hire")), tuple("t-hire-later", List.of()));
        assertThat(score.falsePositiveRules()).extracting(RuleTally::rule, RuleTally::threats, RuleTally::detections).containsExactly(
                tuple("r-noisy r-noisy fired", 2L, 3L), tuple("r-new r-new fired", 2L, 2L), tuple("r-other r-other fired", 1L, 1L),
                tuple("r-resize r-resize fired", 1L, 1L));
    }

    @Test
    void behavioural_attacks_and_look_alikes_are_scored_like_the_others_and_counted_apart() {
        SimulationScore score = SimulationScoring.score(labels, threats);

        assertThat(score.attacks()).filteredOn(SimulatedAttack::behavioural).extracting(SimulatedAttack::scenario)
                .containsExactly("stolen-key", "quiet-ci");
        assertThat(score.behaviouralAttacks()).isEqualTo(2);
        assertThat(score.behaviouralAttacksDetected()).isEqualTo(1);
        assertThat(score.attacks().get(4).keyRules()).containsExactly("b-baseline b-baseline fired");
        assertThat(score.benign()).filteredOn(SimulatedBenign::behavioural).extracting(SimulatedBenign::scenario)
                .containsExactly("new-hire");
        assertThat(score.behaviouralBenign()).isEqualTo(1);
        assertThat(score.behaviouralBenignRaised()).isEqualTo(1);
    }

    @Test
    void rates_are_per_hundred_thousand_events_and_per_seven_simulated_days() {
        assertThat(SimulatedSeed.per100k(5, 200_000)).isEqualTo(2.5);
        assertThat(SimulatedSeed.perWeek(5, 14)).isEqualTo(2.5);
        assertThat(SimulatedSeed.per100k(3, 0)).isZero();
        assertThat(SimulationScoring.merge(List.of(
                List.of(new RuleTally("r-a A", 2, 5), new RuleTally("r-b B", 1, 1)),
                List.of(new RuleTally("r-b B", 3, 3)))))
                .containsExactly(new RuleTally("r-b B", 4, 4), new RuleTally("r-a A", 2, 5));
    }

    private static SimulatedScenario attack(String id, List<String> events, List<String> keys, String tactic) {
        return new SimulatedScenario(id, SimulatedScenario.ATTACK, id, List.of(tactic), List.of(ATTACKER), 0, 10_000, events, keys);
    }

    private static SimulatedScenario benign(String id, List<String> events) {
        return new SimulatedScenario(id, SimulatedScenario.BENIGN, id, List.of(), List.of(ADMIN), 0, 10_000, events, List.of());
    }

    private static Detection detection(String rule, String eventId, long time, String tactic) {
        return correlation(rule, eventId, List.of(eventId), tactic, time);
    }

    private static Detection correlation(String rule, String eventId, List<String> eventIds, String tactic) {
        return correlation(rule, eventId, eventIds, tactic, 100);
    }

    private static Detection correlation(String rule, String eventId, List<String> eventIds, String tactic, long time) {
        Tactic t = AttackCatalog.v19().tactic(tactic).orElseThrow();
        return new Detection(DetectionKind.RULE, rule, rule + " fired", Severity.HIGH, eventId, time, eventIds, List.of(t), List.of(), "");
    }

    private static Threat threat(String id, String principal, List<String> eventIds, Detection... detections) {
        Set<Tactic> tactics = new LinkedHashSet<>();
        for (Detection d : detections) {
            tactics.addAll(d.tactics());
        }
        return new Threat(id, "session-" + id, "111122223333", "someone", principal, null, null, null, Severity.HIGH,
                new ArrayList<>(tactics), List.of(), detections[0].eventTimeMillis(), 0, 10_000, List.of(detections), eventIds, 0, List.of());
    }
}
