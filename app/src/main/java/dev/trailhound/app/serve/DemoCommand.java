package dev.trailhound.app.serve;

import dev.trailhound.app.scan.RuleOptions;
import dev.trailhound.ingest.files.ReadStatistics;
import dev.trailhound.simulator.SimulationSummary;
import dev.trailhound.web.auth.BrowserSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trailhound demo}: the service on a fresh data directory, fed a simulated organisation's last weeks with
 * attacks among them, so that every screen has something to show.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the service on a fresh data directory and feed it simulated CloudTrail of the last weeks"
                + " (with attack scenarios); prints the URL and the login.")
public final class DemoCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServiceOptions serviceOptions;

    @Mixin
    RuleOptions ruleOptions;

    @Option(names = "--days", defaultValue = "14", paramLabel = "N", description = "Days of simulated activity up to today. Default: 14.")
    int days;

    @Option(names = "--events", defaultValue = "200000", paramLabel = "N", description = "About how many events. Default: 200,000.")
    long events;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Simulation seed. Default: 1.")
    long seed;

    @Override
    public void run() {
        ServeCommand.runUntilStopped(start().service());
    }

    /** A started demo: the service, and the thread feeding it (done when the simulated activity is all in). */
    record Running(Service service, Thread feeder) {}

    /** Starts the service and the feed, prints the URL and the login, and returns without waiting for either. */
    Running start() {
        if (days < 1 || days > 60) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be 1 to 60, got " + days);
        }
        Path dataDir = freshDataDirectory();
        serviceOptions.dataDir = dataDir;
        ServiceConfig config = ServeCommand.loadConfig(spec, serviceOptions.config, serviceOptions.overrides());
        Map<String, String> environment = new HashMap<>(System.getenv());
        String password = environment.get("TRAILHOUND_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            password = new BrowserSessions(java.time.InstantSource.system(), Duration.ZERO).randomToken().substring(0, 16);
            environment.put("TRAILHOUND_ADMIN_PASSWORD", password);
        }
        Service service = ServeCommand.startService(config, spec, ruleOptions, environment);
        spec.commandLine().getOut().printf("%nTrailhound demo is running: %s%n  login: admin / %s%n  data: %s%n"
                        + "  API: curl -H 'Authorization: Bearer <token>' %s/api/v1/threats (set TRAILHOUND_ADMIN_TOKEN for a token)%n"
                        + "Feeding %d days of simulated CloudTrail; threats appear as it flows in. Ctrl-C stops.%n%n",
                config.publicUrl(), password, dataDir.toAbsolutePath(), config.publicUrl(), days);
        spec.commandLine().getOut().flush();
        Thread feeder = new Thread(() -> feed(service, dataDir.resolve("simulated-cloudtrail")), "trailhound-demo-feed");
        feeder.setDaemon(true);
        feeder.start();
        return new Running(service, feeder);
    }

    private void feed(Service service, Path into) {
        try {
            SimulationSummary simulated = DemoFeed.simulate(into, days, events, seed, Instant.now());
            LOG.info("demo: simulated {} events ({} attack scenarios) from {} to {}", simulated.events(), simulated.attacks(),
                    simulated.firstEventTime(), simulated.lastEventTime());
            DemoFeed.accountNames(into).forEach((id, name) -> service.accounts().name(id, name, System.currentTimeMillis()));
            AtomicLong rejected = new AtomicLong();
            ReadStatistics read = DemoFeed.feed(into, service.detection(), r -> rejected.incrementAndGet());
            LOG.info("demo: fed {} files, {} rejected records", read.files(), rejected.get());
        } catch (IOException e) {
            LOG.error("demo: the simulated activity could not be written", e);
        } catch (RuntimeException e) {
            LOG.error("demo: feeding the simulated activity failed", e);
        }
    }

    /** The given data directory if it is empty or new, else a new directory beside the working directory. */
    private Path freshDataDirectory() {
        Path dir = serviceOptions.dataDir;
        try {
            if (dir == null) {
                return Files.createTempDirectory(Path.of("").toAbsolutePath(), "trailhound-demo-");
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "the demo needs a fresh data directory and "
                                + dir + " is not empty: remove it or give another --data-dir");
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's data directory: " + e.getMessage(), e);
        }
    }
}
