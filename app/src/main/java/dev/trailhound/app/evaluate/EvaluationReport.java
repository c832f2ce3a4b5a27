package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one evaluation found, as {@code evaluate --out} writes it. A data set that was not evaluated
 * has a null report and its reason in {@code datasets}.
 *
 * @param generatedAt      when the evaluation ran (UTC, ISO-8601)
 * @param corpus           the corpus root, or null when only simulated organisations were evaluated
 * @param detection        the detection that ran ("all, 150 rules")
 * @param datasets         data set directory (or "simulated") to "evaluated", "absent" or "failed: why"
 * @param figures          the headline numbers of every evaluated data set
 * @param ruleFailures     rule id to the events it threw on, over all scans
 * @param stratus          Stratus Red Team captures
 * @param invictus         the Invictus IR run
 * @param panther          Panther rule tests
 * @param pantherScenarios Panther demo scenarios
 * @param otrf             the OTRF cloud-breach capture
 * @param simulated        simulated organisations ({@code --simulate})
 */
public record EvaluationReport(String generatedAt, String corpus, String detection, Map<String, String> datasets,
        List<Figure> figures, Map<String, Long> ruleFailures, StratusReport stratus, InvictusReport invictus,
        PantherReport panther, ScenariosReport pantherScenarios, OtrfReport otrf, SimulatedReport simulated) {
    public EvaluationReport {
        datasets = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(datasets));
        figures = List.copyOf(figures);
        ruleFailures = Collections.unmodifiableMap(new TreeMap<>(ruleFailures));
    }
}
