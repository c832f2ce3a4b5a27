package dev.trailhound.app.evaluate;

import dev.trailhound.app.scan.ScanSummary;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.core.threat.Threat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one isolated scan produced.
 *
 * @param threats      every threat, in the order sessions closed
 * @param rejections   every rejected record or file
 * @param summary      the scan's counts, as {@code scan --summary-json} writes them
 * @param ruleFailures rule id to the number of events it threw on (isolated by the rule engine)
 */
public record ScanOutcome(List<Threat> threats, List<Rejection> rejections, ScanSummary summary, Map<String, Long> ruleFailures) {
    public ScanOutcome {
        threats = List.copyOf(threats);
        rejections = List.copyOf(rejections);
        ruleFailures = Collections.unmodifiableMap(new TreeMap<>(ruleFailures));
    }

    /** True when some threat carries one of the tactic ids. */
    public boolean anyThreatWith(Set<String> tacticIds) {
        return threats.stream().anyMatch(t -> hasTactic(t, tacticIds));
    }

    /** The threats that carry one of the tactic ids. */
    public List<Threat> threatsWith(Set<String> tacticIds) {
        return threats.stream().filter(t -> hasTactic(t, tacticIds)).toList();
    }

    /** Nothing could be read: no event, and something was rejected. */
    public boolean unreadable() {
        return summary.events() == 0 && !rejections.isEmpty();
    }

    /** Rejection reason (without source and position) to how many records or files it rejected. */
    public Map<String, Long> rejectionsByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        rejections.forEach(r -> byReason.merge(r.reason(), 1L, Long::sum));
        return byReason;
    }

    public List<ThreatBrief> briefs() {
        return threats.stream().map(ThreatBrief::of).toList();
    }

    static boolean hasTactic(Threat threat, Set<String> tacticIds) {
        return threat.tactics().stream().map(Tactic::id).anyMatch(tacticIds::contains);
    }
}
