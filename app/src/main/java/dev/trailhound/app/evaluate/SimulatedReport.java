package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * The figures over simulated organisations ({@code evaluate --simulate}), per seed and in total.
 *
 * @param figures                     the headline numbers, over all seeds
 * @param days                        days simulated per organisation
 * @param scale                       approximate events asked per organisation, 0 for the natural volume
 * @param seeds                       each organisation's figures, in the order of the seeds given
 * @param events                      events read, over all seeds
 * @param scanMs                      scan time, over all seeds
 * @param eventsPerSecond             {@code events} / {@code scanMs}
 * @param falsePositiveThreats        threats with no attack event, over all seeds
 * @param falsePositivesPer100kEvents ... per 100,000 events
 * @param falsePositivesPerWeek       ... per 7 simulated days (all seeds' days added up)
 * @param falsePositiveRules          the rules behind them, most threats first
 */
public record SimulatedReport(List<Figure> figures, int days, long scale, List<SimulatedSeed> seeds, long events, long scanMs,
        double eventsPerSecond, long falsePositiveThreats, double falsePositivesPer100kEvents, double falsePositivesPerWeek,
        List<RuleTally> falsePositiveRules) implements DatasetReport {
    public SimulatedReport {
        figures = List.copyOf(figures);
        seeds = List.copyOf(seeds);
        falsePositiveRules = List.copyOf(falsePositiveRules);
    }
}
