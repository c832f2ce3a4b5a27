package dev.trailhound.app.simulate;

import dev.trailhound.simulator.SimulationOptions;
import dev.trailhound.simulator.SimulationSummary;
import dev.trailhound.simulator.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trailhound simulate}: write realistic, labelled CloudTrail for a small organisation. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Writes simulated CloudTrail in the S3 layout (AWSLogs/...) plus labels.json describing the attack scenarios.")
public final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--days", paramLabel = "N", description = "Days of activity. Default: 7.")
    Integer days;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same files. Default: 1.")
    Long seed;

    @Option(names = "--scale", paramLabel = "EVENTS", description = "Approximate number of events (e.g. 1000000). Default: the organisation's natural volume.")
    Long scale;

    @Option(names = "--start", paramLabel = "INSTANT", description = "First day, e.g. 2026-11-01T00:00:00Z.")
    Instant start;

    @Option(names = "--delivery-minutes", paramLabel = "N",
            description = "Delivery window: one log file per account and region every N minutes (1-1440). Default: 5, as CloudTrail; longer gives fewer, larger files.")
    Integer deliveryMinutes;

    @Option(names = "--visit-share", paramLabel = "SHARE",
            description = "Keep this share (0..1] of every principal's sessions, for a sample smaller than the organisation's least activity; the attack scenarios are kept whole. Default: 1.")
    Double visitShare;

    @Option(names = "--identities", paramLabel = "N",
            description = "Approximate number of distinct principals (e.g. 10000). Beyond the organisation's own cast, many "
                    + "instance and Lambda roles, service users with access keys and Identity Center users, each with a small, "
                    + "stable habit of its own, share the volume (--scale). Default: the organisation's own cast (a few hundred).")
    Integer identities;

    @Option(names = "--no-digests", description = "Do not write CloudTrail digest files (as with log file validation off).")
    boolean noDigests;

    @Option(names = "--single-account-layout", description = "Write AWSLogs/<account>/... instead of an organization trail's AWSLogs/o-.../<account>/...")
    boolean singleAccountLayout;

    @Override
    public Integer call() throws IOException {
        SimulationOptions d = SimulationOptions.defaults();
        if (days != null && days < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be at least 1, got " + days);
        }
        if (deliveryMinutes != null && (deliveryMinutes < 1 || deliveryMinutes > 24 * 60)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--delivery-minutes must be 1 to 1440, got " + deliveryMinutes);
        }
        if (visitShare != null && !(visitShare > 0 && visitShare <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--visit-share must be more than 0 and at most 1, got " + visitShare);
        }
        if (scale != null && scale < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale must not be negative, got " + scale);
        }
        if (identities != null && identities < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--identities must not be negative, got " + identities);
        }
        SimulationOptions options = new SimulationOptions(start != null ? start : d.start(), days != null ? days : d.days(),
                seed != null ? seed : d.seed(), scale != null ? scale : d.targetEvents(), !singleAccountLayout,
                deliveryMinutes != null ? deliveryMinutes : d.deliveryMinutes(), !noDigests,
                visitShare != null ? visitShare : d.visitShare(), identities != null ? identities : d.identities());
        SimulationSummary s = Simulator.run(options, out);
        spec.commandLine().getErr().printf(java.util.Locale.ROOT,
                "simulated %,d events in %,d files for %d accounts (%s .. %s), %d attack scenarios and %d benign look-alikes; labels in %s%n",
                s.events(), s.files(), s.accounts(), s.firstEventTime(), s.lastEventTime(), s.attacks(), s.scenarios() - s.attacks(),
                out.resolve("labels.json"));
        return 0;
    }
}
