package dev.trailhound.app.evaluate;

import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.threat.Threat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the threats of a simulated organisation against its labels. Pure: labels and threats in, score out.
 * <ul>
 * <li>An attack is <b>detected</b> when some detection names ({@code eventId} or {@code eventIds}) one of its
 *     key events, and detected <b>with its tactic</b> when such a threat also carries one of its label's tactics.
 * <li>A benign look-alike <b>raised a threat</b> when some detection names one of its events (a scenario
 *     labelled by principal and time instead: a detection in its span on a threat of one of its principals).
 * <li>Attacks and look-alikes labelled with signal {@code behaviour} (calls no rule can judge, odd only against
 *     the principal's habits) are scored the same way and also counted apart.
 * <li>A threat is a <b>false positive</b> when neither its events ({@code eventIds}) nor its detections' events
 *     include an event of any attack scenario.
 * </ul>
 */
final class SimulationScoring {
    static final String DETECTED = "detected";
    static final String OFF_KEY = "off-key";
    static final String MISSED = "missed";

    private SimulationScoring() {
    }

    static SimulationScore score(List<SimulatedScenario> scenarios, List<Threat> threats) {
        List<SimulatedAttack> attacks = new ArrayList<>();
        List<SimulatedBenign> benign = new ArrayList<>();
        Set<String> attackEvents = new HashSet<>();
        for (SimulatedScenario s : scenarios) {
            if (s.attack()) {
                attacks.add(attack(s, threats));
                attackEvents.addAll(s.eventIds());
                attackEvents.addAll(s.keyEventIds());
            } else if (s.benign()) {
                benign.add(benign(s, threats));
            }
        }
        List<FalsePositiveThreat> falsePositives = new ArrayList<>();
        List<Threat> falseThreats = new ArrayList<>();
        for (Threat threat : threats) {
            if (threat.eventIds().stream().anyMatch(attackEvents::contains)
                    || ThreatBrief.detectionEventIds(threat).stream().anyMatch(attackEvents::contains)) {
                continue;
            }
            List<String> lookAlikes = scenarios.stream().filter(SimulatedScenario::benign)
                    .filter(s -> threat.detections().stream().anyMatch(d -> names(s, threat, d))).map(SimulatedScenario::id).toList();
            falsePositives.add(new FalsePositiveThreat(ThreatBrief.of(threat), lookAlikes));
            falseThreats.add(threat);
        }
        return new SimulationScore(attacks, benign, falsePositives, tally(falseThreats));
    }

    private static SimulatedAttack attack(SimulatedScenario scenario, List<Threat> threats) {
        Set<String> keys = Set.copyOf(scenario.keyEventIds());
        Set<String> events = new HashSet<>(scenario.eventIds());
        events.addAll(keys);
        Set<String> keyRules = new LinkedHashSet<>();
        Set<String> offKeyRules = new LinkedHashSet<>();
        List<ThreatBrief> involved = new ArrayList<>();
        boolean withTactic = false;
        for (Threat threat : threats) {
            boolean onKey = false;
            boolean onEvents = false;
            for (Detection d : threat.detections()) {
                Set<String> ids = named(d);
                if (ids.stream().anyMatch(keys::contains)) {
                    keyRules.add(rule(d));
                    onKey = true;
                } else if (ids.stream().anyMatch(events::contains)) {
                    offKeyRules.add(rule(d));
                    onEvents = true;
                }
            }
            withTactic |= onKey && ScanOutcome.hasTactic(threat, Set.copyOf(scenario.tactics()));
            if (onKey || onEvents) {
                involved.add(ThreatBrief.of(threat));
            }
        }
        offKeyRules.removeAll(keyRules);
        String outcome = !keyRules.isEmpty() ? DETECTED : !offKeyRules.isEmpty() ? OFF_KEY : MISSED;
        return new SimulatedAttack(scenario.id(), scenario.title(), scenario.tactics(), outcome, withTactic,
                List.copyOf(keyRules), List.copyOf(offKeyRules), involved, scenario.signal());
    }

    private static SimulatedBenign benign(SimulatedScenario scenario, List<Threat> threats) {
        Set<String> rules = new LinkedHashSet<>();
        List<ThreatBrief> raised = new ArrayList<>();
        for (Threat threat : threats) {
            boolean any = false;
            for (Detection d : threat.detections()) {
                if (names(scenario, threat, d)) {
                    rules.add(rule(d));
                    any = true;
                }
            }
            if (any) {
                raised.add(ThreatBrief.of(threat));
            }
        }
        return new SimulatedBenign(scenario.id(), scenario.title(), !raised.isEmpty(), List.copyOf(rules), raised,
                scenario.signal());
    }

    /**
     * Whether a detection is about the scenario: it names one of the scenario's events, or (a scenario labelled
     * by principal and span, without events) it is on a threat of one of its principals, within its span.
     */
    private static boolean names(SimulatedScenario scenario, Threat threat, Detection d) {
        if (!scenario.eventIds().isEmpty()) {
            Set<String> events = Set.copyOf(scenario.eventIds());
            return named(d).stream().anyMatch(events::contains);
        }
        return threat.principalArn() != null && scenario.principalArns().contains(threat.principalArn())
                && d.eventTimeMillis() >= scenario.startMillis() && d.eventTimeMillis() <= scenario.endMillis();
    }

    private static Set<String> named(Detection d) {
        Set<String> ids = new LinkedHashSet<>(d.eventIds());
        ids.add(d.eventId());
        return ids;
    }

    static String rule(Detection d) {
        return d.ruleId() + " " + d.title();
    }

    /** The rules behind some threats: threats and detections per rule, most threats first. */
    static List<RuleTally> tally(List<Threat> threats) {
        Map<String, long[]> counts = new HashMap<>();
        for (Threat threat : threats) {
            Set<String> seen = new HashSet<>();
            for (Detection d : threat.detections()) {
                long[] c = counts.computeIfAbsent(rule(d), r -> new long[2]);
                c[1]++;
                if (seen.add(rule(d))) {
                    c[0]++;
                }
            }
        }
        return ranked(counts);
    }

    /** Merges tallies of several organisations. */
    static List<RuleTally> merge(List<List<RuleTally>> tallies) {
        Map<String, long[]> counts = new HashMap<>();
        tallies.forEach(list -> list.forEach(t -> {
            long[] c = counts.computeIfAbsent(t.rule(), r -> new long[2]);
            c[0] += t.threats();
            c[1] += t.detections();
        }));
        return ranked(counts);
    }

    private static List<RuleTally> ranked(Map<String, long[]> counts) {
        return counts.entrySet().stream().map(e -> new RuleTally(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(RuleTally::threats).reversed()
                        .thenComparing(Comparator.comparingLong(RuleTally::detections).reversed())
                        .thenComparing(RuleTally::rule))
                .toList();
    }
}
