package dev.trailhound.app.serve;

import dev.trailhound.app.scan.DetectMode;
import dev.trailhound.app.scan.Detectors;
import dev.trailhound.app.scan.RuleOptions;
import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.baseline.BaselineSettings;
import dev.trailhound.core.baseline.BaselineStore;
import dev.trailhound.store.user.PasswordHasher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trailhound serve}: the always-on service (HTTP API, storage, live detection). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: REST API on 127.0.0.1:8080 by default, embedded database in the data directory,"
                + " live detection of events posted to /api/v1/events.")
public final class ServeCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServiceOptions serviceOptions;

    @Mixin
    RuleOptions ruleOptions;

    @Override
    public void run() {
        ServiceConfig effective = loadConfig(spec, serviceOptions.config, serviceOptions.overrides());
        Service service = startService(effective, spec, ruleOptions, System.getenv());
        LOG.info("listening on {} (health: {}/health, API: {}/api/v1)", effective.publicUrl(), effective.publicUrl(), effective.publicUrl());
        runUntilStopped(service);
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes the service. */
    static void runUntilStopped(Service service) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "trailhound-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Loads and logs the configuration; every problem ends the command with all of them listed. */
    static ServiceConfig loadConfig(CommandLine.Model.CommandSpec spec, Path file, Map<ConfigKey, String> overrides) {
        ServiceConfigLoader loader = new ServiceConfigLoader(System.getenv());
        ServiceConfig effective;
        try {
            effective = loader.load(file, overrides);
        } catch (ServiceConfigLoader.InvalidConfig e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        loader.warnings().forEach(LOG::warn);
        LOG.info("configuration{}:\n{}", file == null ? " (defaults and environment)" : " from " + file, effective.describe());
        return effective;
    }

    /** Starts the service as {@code serve} does: rules and baselines built from the options, the system clock. */
    public static Service startService(ServiceConfig effective, CommandLine.Model.CommandSpec spec, RuleOptions ruleOptions,
                                Map<String, String> environment) {
        Organisation organisation = new Organisation(Map.of());
        BaselineSettings baselines = BaselineSettings.defaults()
                .withLearning(Duration.ofMillis(Math.round(effective.learningDays() * 86_400_000d)));
        Detectors detectors = Detectors.build(DetectMode.ALL, ruleOptions, baselines, new BaselineStore(), organisation, spec);
        LOG.info("detection: {} rules and correlations, anomaly baselines (learning {} days)", detectors.ruleCount(), effective.learningDays());
        return Service.start(effective, detectors.detectors(), organisation, environment, PasswordHasher.standard(),
                InstantSource.system(), System.out);
    }
}
