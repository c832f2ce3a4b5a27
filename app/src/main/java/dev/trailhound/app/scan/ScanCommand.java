package dev.trailhound.app.scan;

import dev.trailhound.core.threat.ThreatJsonWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.baseline.BaselineSettings;
import dev.trailhound.core.baseline.BaselineSnapshot;
import dev.trailhound.core.baseline.BaselineStore;
import dev.trailhound.core.baseline.IpIntelligence;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code trailhound scan}: read CloudTrail, write the threats found as JSON Lines. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Reads CloudTrail (S3 delivery objects, JSON Lines, EventBridge envelopes, directories in the S3"
                + " layout) and writes one JSON line per threat.",
                "Exit codes: 0 the run completed (even with rejected records), 2 bad arguments, 3 nothing could be read."})
public final class ScanCommand implements Callable<Integer> {
    static final int NOTHING_READ = 3;
    private static final int MAX_LISTED_REJECTS = 10_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--detect", defaultValue = "all", paramLabel = "none|rules|all",
            description = "Detection to run: none (read, order, sessionise only), rules, all (rules and anomaly baselines). Default: ${DEFAULT-VALUE}.")
    DetectMode detect;

    @Option(names = "--learning-days", defaultValue = "7", paramLabel = "N",
            description = "Days (event time, from a principal's first event) an anomaly baseline learns before it judges. Default: ${DEFAULT-VALUE}.")
    int learningDays;

    @Option(names = "--baselines", paramLabel = "FILE",
            description = "Start the anomaly baselines from FILE when it exists, and save them there at the end, so that scans run"
                    + " one after another (say, daily) keep learning. Default: baselines live for the run.")
    Path baselines;

    @Option(names = "--ip-intelligence", paramLabel = "FILE",
            description = "Address ranges with their AS number, country and operator (tab- or comma-separated: first-address,"
                    + " last-address, asn, country, organisation; the ip2asn layout), so that baselines judge operators and countries too.")
    Path ipIntelligence;

    @Option(names = "--aws-ip-ranges", paramLabel = "FILE",
            description = "AWS's published ip-ranges.json: calls from AWS's own address space are named as such.")
    Path awsIpRanges;

    @Option(names = "--accounts", paramLabel = "FILE", description = "JSON or YAML map of account id to account name.")
    Path accounts;

    @Option(names = "--out", paramLabel = "FILE", description = "Write threats here (in place) instead of standard output.")
    Path out;

    @Option(names = "--summary-json", paramLabel = "FILE",
            description = "Write {files, events, rejected, duplicates, threats, elapsedMs, late, skipped} here.")
    Path summaryJson;

    @Option(names = "--threads", paramLabel = "N", description = "Reader threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--disorder-tolerance", paramLabel = "MINUTES", defaultValue = "15",
            description = "How far (minutes of event time) input may be out of order and still be processed in order. Default: ${DEFAULT-VALUE}.")
    long disorderMinutes;

    @CommandLine.Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        validate();
        Map<String, String> names = Map.of();
        if (accounts != null) {
            try {
                names = AccountNamesFile.read(accounts);
            } catch (InvalidAccountsFileException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--accounts " + e.getMessage());
            }
        }
        Organisation organisation = new Organisation(names);
        BaselineStore store = readBaselines();
        BaselineSettings settings = BaselineSettings.defaults().withLearning(Duration.ofDays(learningDays)).withIntelligence(readIntelligence());
        Detectors detection = Detectors.build(detect, ruleOptions, settings, store, organisation, spec);
        PrintWriter err = spec.commandLine().getErr();
        int[] listed = {0};
        ScanSummary summary;
        try (Writer writer = openOutput()) {
            ThreatJsonWriter json = new ThreatJsonWriter(writer, organisation::nameOf);
            Scan scan = new Scan(detection.detectors(), PipelineSettings.defaults().withDisorderTolerance(Duration.ofMinutes(disorderMinutes)),
                    ReadLimits.defaults(), threads != null ? threads : Runtime.getRuntime().availableProcessors(), organisation);
            summary = scan.run(paths, Scan.unchecked(json::write), rejection -> listReject(err, rejection, listed));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (listed[0] > MAX_LISTED_REJECTS) {
            err.println("... " + (listed[0] - MAX_LISTED_REJECTS) + " more rejected records not listed");
        }
        err.println(human(summary));
        reportRules(err, detection);
        reportBaselines(err, detection);
        reportRuleFailures(err, detection);
        err.flush();
        if (summaryJson != null) {
            writeSummary(summary);
        }
        if (baselines != null && detection.anomalies() != null) {
            writeBaselines(store);
        }
        return summary.events() == 0 && (summary.files() == 0 || summary.rejected() > 0) ? NOTHING_READ : 0;
    }

    private IpIntelligence readIntelligence() throws IOException {
        if (ipIntelligence == null && awsIpRanges == null) {
            return IpIntelligence.none();
        }
        try (InputStream ranges = ipIntelligence == null ? null : open("--ip-intelligence", ipIntelligence);
             InputStream aws = awsIpRanges == null ? null : open("--aws-ip-ranges", awsIpRanges)) {
            return IpIntelligence.read(ranges, String.valueOf(ipIntelligence), aws, String.valueOf(awsIpRanges));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A file, gunzipped when it is gzip (ip2asn files are published as .tsv.gz). */
    private InputStream open(String option, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": no such file");
        }
        // read whole (these files are tens of MB at most), so that a damaged gzip is reported here with its name
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            byte[] bytes = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw).readAllBytes() : raw.readAllBytes();
            return new java.io.ByteArrayInputStream(bytes);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private BaselineStore readBaselines() throws IOException {
        if (baselines == null || !Files.exists(baselines)) {
            return new BaselineStore();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(baselines))) {
            return BaselineSnapshot.read(in, baselines.toString());
        } catch (BaselineSnapshot.SnapshotException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baselines " + e.getMessage()
                    + "; move the file away to start learning afresh");
        }
    }

    /** Written beside the file, then moved over it: a run cut short never leaves half a snapshot. */
    private void writeBaselines(BaselineStore store) throws IOException {
        Path target = baselines.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                BaselineSnapshot.write(store, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void validate() {
        if (learningDays < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--learning-days must be 0 or more, got " + learningDays);
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (disorderMinutes < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--disorder-tolerance must be 0 or more minutes");
        }
    }

    /** How many identities have a baseline, and what they cost. */
    private static void reportBaselines(PrintWriter err, Detectors detection) {
        if (detection.anomalies() == null) {
            return;
        }
        var store = detection.anomalies().store();
        int identities = store.subjects();
        long bytes = store.estimatedBytes();
        var settings = detection.anomalies().settings();
        err.printf(java.util.Locale.ROOT, "baselines: %,d identities (learning %d days each; %,d still learning at the end), about %,d KB in all,"
                        + " %,d bytes per identity%n", identities, settings.learning().toDays(), store.learning(settings), bytes / 1024,
                identities == 0 ? 0 : bytes / identities);
    }

    /** How many rules ran, and how many matches were left out as automation's routine work. */
    private static void reportRules(PrintWriter err, Detectors detection) {
        if (detection.ruleEngine() == null) {
            return;
        }
        var rules = detection.ruleEngine().rules();
        err.printf(java.util.Locale.ROOT, "rules: %,d (%,d of them tested on every event); %,d matches on automation's routine work left out%n",
                rules.size(), rules.unindexedRules(), detection.ruleEngine().automationMatches());
    }

    /** Rules that threw are isolated while scanning; say which, how often, and the first error. */
    private static void reportRuleFailures(PrintWriter err, Detectors detection) {
        if (detection.ruleEngine() == null || detection.ruleEngine().failures().total() == 0) {
            return;
        }
        err.println("rule failures (each rule was skipped for the events it failed on; the others ran): "
                + detection.ruleEngine().failures().total());
        detection.ruleEngine().failures().byRule().values().forEach(f -> err.println("  " + f.ruleId() + ": " + f.count()
                + " events, first " + f.firstEventId() + ": " + f.firstError()));
    }

    private Writer openOutput() throws IOException {
        if (out == null) {
            return new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(System.out), StandardCharsets.UTF_8), 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void listReject(PrintWriter err, Rejection rejection, int[] listed) {
        if (++listed[0] <= MAX_LISTED_REJECTS) {
            err.println("rejected: " + rejection);
        }
    }

    private void writeSummary(ScanSummary s) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("files", s.files());
        fields.put("events", s.events());
        fields.put("rejected", s.rejected());
        fields.put("duplicates", s.duplicates());
        fields.put("threats", s.threats());
        fields.put("elapsedMs", s.elapsedMs());
        fields.put("late", s.late());
        fields.put("skipped", s.skipped());
        Files.writeString(summaryJson, new ObjectMapper().writeValueAsString(fields) + "\n");
    }

    static String human(ScanSummary s) {
        double seconds = Math.max(s.elapsedMs(), 1) / 1000.0;
        return String.format(java.util.Locale.ROOT,
                "scanned %,d files (%,d skipped): %,d events, %,d rejected, %,d duplicates, %,d late; %,d threats in %.1f s (%,.0f events/s)",
                s.files(), s.skipped(), s.events(), s.rejected(), s.duplicates(), s.late(), s.threats(), seconds, s.events() / seconds);
    }
}
