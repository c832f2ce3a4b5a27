package dev.trailhound.app.evaluate;

import dev.trailhound.app.scan.Scan;
import dev.trailhound.app.scan.ScanSummary;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.core.rules.RuleEngine;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the {@code scan} pipeline ({@link Scan}: planning, parallel reading, ordering, de-duplication, sessions,
 * detectors, threats) over some files, alone: every call starts from nothing (fresh detectors, fresh
 * organisation, fresh sessions), so what one scan saw cannot change another's result. The organisation is the
 * accounts the scan sees, or those given (a simulated organisation's {@code accounts.json}). Not thread-safe.
 */
public final class CorpusScanner {
    private final DetectorFactory detectors;
    private final int threads;
    private final Map<String, Long> ruleFailures = new TreeMap<>();

    public CorpusScanner(DetectorFactory detectors, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.detectors = detectors;
        this.threads = threads;
    }

    public ScanOutcome scan(List<Path> files) {
        return scan(files, Organisation.empty(), threads);
    }

    /**
     * Scans files of one organisation whose accounts are known, as {@code scan --accounts FILE} does.
     *
     * @param accountNames  account id to name: the organisation's own accounts
     * @param readerThreads reader threads of this scan
     */
    public ScanOutcome scan(List<Path> files, Map<String, String> accountNames, int readerThreads) {
        if (readerThreads < 1) {
            throw new IllegalArgumentException("readerThreads must be at least 1, got " + readerThreads);
        }
        return scan(files, new Organisation(accountNames), readerThreads);
    }

    private ScanOutcome scan(List<Path> files, Organisation organisation, int readerThreads) {
        List<Detector<?>> list = detectors.create(organisation);
        List<Threat> threats = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Scan scan = new Scan(list, PipelineSettings.defaults(), ReadLimits.defaults(), readerThreads, organisation);
        ScanSummary summary = scan.run(files, threats::add, rejections::add);
        ScanOutcome outcome = new ScanOutcome(threats, rejections, summary, failures(list));
        outcome.ruleFailures().forEach((rule, n) -> ruleFailures.merge(rule, n, Long::sum));
        return outcome;
    }

    /** Rule id to the events it threw on, over every scan so far. */
    public Map<String, Long> ruleFailures() {
        return Collections.unmodifiableMap(new TreeMap<>(ruleFailures));
    }

    private static Map<String, Long> failures(List<Detector<?>> detectors) {
        Map<String, Long> byRule = new TreeMap<>();
        for (Detector<?> d : detectors) {
            if (d instanceof RuleEngine engine) {
                engine.failures().byRule().values().forEach(f -> byRule.merge(f.ruleId(), f.count(), Long::sum));
            }
        }
        return byRule;
    }
}
