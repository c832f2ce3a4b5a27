package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one simulated organisation.
 *
 * @param seed                        the simulator's seed
 * @param days                        days simulated
 * @param events                      events the scan read
 * @param rejections                  rejection reason to count (there should be none)
 * @param simulationMs                wall time of writing the organisation's CloudTrail
 * @param scanMs                      wall time of the scan (planning and reading included)
 * @param eventsPerSecond             events / scan time
 * @param attacks                     attack scenarios
 * @param attacksDetected             ... with a detection on one of their key events
 * @param attacksDetectedWithTactic   ... of which such a threat carries one of the scenario's tactics
 * @param benign                      benign look-alike scenarios
 * @param benignWithThreat            ... that raised a threat
 * @param behaviouralAttacks          attack scenarios that no rule sees (signal {@code behaviour})
 * @param behaviouralAttacksDetected  ... with a detection on one of their key events
 * @param behaviouralBenign           benign scenarios that test baselines (signal {@code behaviour})
 * @param behaviouralBenignWithThreat ... that raised a threat
 * @param falsePositiveThreats        threats that contain no event of any attack scenario
 * @param falsePositivesPer100kEvents {@code falsePositiveThreats} per 100,000 events read
 * @param falsePositivesPerWeek       {@code falsePositiveThreats} per 7 simulated days
 * @param attackScenarios             every attack scenario's result
 * @param benignScenarios             every benign scenario's result
 * @param falsePositives              the false-positive threats
 * @param falsePositiveRules          the rules behind them, most threats first
 * @param labelNotes                  oddities found in the labels
 */
public record SimulatedSeed(long seed, int days, long events, Map<String, Long> rejections, long simulationMs, long scanMs,
        double eventsPerSecond, int attacks, long attacksDetected, long attacksDetectedWithTactic, int benign,
        long benignWithThreat, long behaviouralAttacks, long behaviouralAttacksDetected, long behaviouralBenign,
        long behaviouralBenignWithThreat, int falsePositiveThreats, double falsePositivesPer100kEvents, double falsePositivesPerWeek,
        List<SimulatedAttack> attackScenarios, List<SimulatedBenign> benignScenarios, List<FalsePositiveThreat> falsePositives,
        List<RuleTally> falsePositiveRules, List<String> labelNotes) {
    public SimulatedSeed {
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        attackScenarios = List.copyOf(attackScenarios);
        benignScenarios = List.copyOf(benignScenarios);
        falsePositives = List.copyOf(falsePositives);
        falsePositiveRules = List.copyOf(falsePositiveRules);
        labelNotes = List.copyOf(labelNotes);
    }

    static SimulatedSeed of(long seed, int days, long simulationMs, ScanOutcome outcome, SimulationScore score, List<String> notes) {
        long events = outcome.summary().events();
        long scanMs = outcome.summary().elapsedMs();
        int falsePositives = score.falsePositives().size();
        return new SimulatedSeed(seed, days, events, outcome.rejectionsByReason(), simulationMs, scanMs, perSecond(events, scanMs),
                score.attacks().size(), score.attacksDetected(), score.attacksDetectedWithTactic(), score.benign().size(),
                score.benignRaised(), score.behaviouralAttacks(), score.behaviouralAttacksDetected(), score.behaviouralBenign(),
                score.behaviouralBenignRaised(), falsePositives, per100k(falsePositives, events), perWeek(falsePositives, days),
                score.attacks(), score.benign(), score.falsePositives(), score.falsePositiveRules(), notes);
    }

    static double perSecond(long events, long millis) {
        return events / (Math.max(millis, 1) / 1000.0);
    }

    static double per100k(long count, long events) {
        return events == 0 ? 0 : count * 100_000.0 / events;
    }

    static double perWeek(long count, long days) {
        return days == 0 ? 0 : count * 7.0 / days;
    }
}
