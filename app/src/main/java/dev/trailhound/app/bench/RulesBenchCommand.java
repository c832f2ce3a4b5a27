package dev.trailhound.app.bench;

import dev.trailhound.app.scan.DetectMode;
import dev.trailhound.app.scan.Detectors;
import dev.trailhound.app.scan.RuleOptions;
import dev.trailhound.app.scan.Scan;
import dev.trailhound.app.scan.ScanSummary;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.core.rules.CompiledRule;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Benchmark instrument for the peer harness: the {@code scan} pipeline (reading, ordering, de-duplication,
 * sessions, rules) over the inputs, printing the harness's result lines: {@code RESULT peer=trailhound events=N
 * inproc_s=S}, and, for rules named R01..R20, {@code COUNTS R01=..} and {@code AGG identities=..}. Inputs may be
 * written as the harness writes them ({@code s3:DIR}, {@code jsonl:FILE}). Hidden from help.
 */
@Command(name = "bench-rules", hidden = true, description = "Benchmark instrument: scan with rules, print per-rule match counts in the peer harness format.")
public final class RulesBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<String> inputs = new ArrayList<>();

    @Override
    public void run() {
        long started = System.nanoTime();
        Organisation organisation = Organisation.empty();
        Detectors detection = Detectors.build(DetectMode.RULES, ruleOptions, organisation, spec);
        CountingRules counting = new CountingRules(detection.ruleEngine());
        List<Path> paths = inputs.stream().map(i -> Path.of(i.replaceFirst("^(s3|jsonl):", ""))).toList();
        ScanSummary summary = new Scan(List.of(counting), PipelineSettings.defaults(), ReadLimits.defaults(),
                Runtime.getRuntime().availableProcessors(), organisation).run(paths, threat -> { }, rejection -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "RESULT peer=trailhound events=%d inproc_s=%.3f rules=%d%n", summary.events(), seconds, detection.ruleCount());
        StringBuilder counts = new StringBuilder("COUNTS");
        boolean numbered = false;
        for (int i = 1; i <= 20; i++) {
            String name = String.format(Locale.ROOT, "R%02d", i);
            var rule = detection.ruleEngine().rules().rule(name);
            numbered |= rule.isPresent();
            counts.append(' ').append(name).append('=').append(rule.map(CompiledRule::id).map(counting::count).orElse(0L));
        }
        if (numbered) {
            long[] a = counting.aggregate();
            out.println(counts);
            out.printf(Locale.ROOT, "AGG identities=%d sumDistinct=%d maxDistinct=%d%n", a[0], a[1], a[2]);
        }
        out.flush();
    }
}
