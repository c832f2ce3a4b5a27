package dev.trailhound.app.bench.service;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench-service}: the instruments of {@code bench/service-benchmark.sh} (the service's speed with 100,000
 * threats stored, and HTTP ingest with detection on). Hidden from help: a benchmark instrument, not a product feature.
 */
@Command(name = "bench-service", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark instrument: seed a database, time the API on it, time HTTP ingest (bench/service-benchmark.sh).",
        subcommands = {PrepareIngestCommand.class, SeedCommand.class, QueryCommand.class, IngestCommand.class})
public final class ServiceBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a step: prepare-ingest, seed, query or ingest");
    }
}
