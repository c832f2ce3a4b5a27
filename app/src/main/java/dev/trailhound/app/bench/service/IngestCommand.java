package dev.trailhound.app.bench.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.app.scan.RuleOptions;
import dev.trailhound.app.serve.ServeCommand;
import dev.trailhound.app.serve.Service;
import dev.trailhound.app.serve.ServiceConfig;
import dev.trailhound.app.serve.ServiceConfigLoader;
import dev.trailhound.store.threat.StatusFilter;
import dev.trailhound.store.threat.ThreatCount;
import dev.trailhound.store.threat.ThreatQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-service ingest}: the service as {@code serve} runs it (rules and baselines on, a fresh database), fed
 * a JSON Lines file over HTTP by a few concurrent clients in batches, in file (event-time) order; timed from the first
 * request until detection has processed everything posted. In the same run, the limit: the same request bodies only
 * streamed through Jackson's token parser on all cores.
 */
@Command(name = "ingest", description = "Time HTTP ingest with detection on, next to the parse-only limit of the same bodies.")
final class IngestCommand implements Callable<Integer> {
    private static final String TOKEN = "bench-service-ingest-token";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchDatabase database;

    @Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines in event-time order (bench-service prepare-ingest).")
    Path input;

    @Option(names = "--batch", defaultValue = "1000", description = "Records per request.")
    int batch;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients.")
    int clients;

    @Option(names = "--max-events", defaultValue = "0", description = "Only the first N records (0: all).")
    long maxEvents;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        NdjsonBatches batches = new NdjsonBatches(input, batch, maxEvents);
        out.printf(Locale.ROOT, "input: %,d records in %,d requests of %,d (%,d MB)%n", batches.records(), batches.count(), batch,
                Files.size(input) >> 20);
        parseLimit(batches); // warms the page cache and the parser
        double limitSeconds = parseLimit(batches);
        double limitRate = batches.records() / limitSeconds;
        out.printf(Locale.ROOT, "limit (same bodies, Jackson token stream, %d threads): %.2f s, %,.0f events/s%n",
                Runtime.getRuntime().availableProcessors(), limitSeconds, limitRate);

        ServiceConfig config = config();
        try (Service service = ServeCommand.startService(config, spec, ruleOptions, Map.of("TRAILHOUND_ADMIN_TOKEN", TOKEN,
                "TRAILHOUND_ADMIN_PASSWORD", "bench-" + System.nanoTime()))) {
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            long[] counts = post(service.port(), batches, out, started);
            double postedSeconds = (System.nanoTime() - started) / 1e9;
            while (!service.detection().idle()) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuBefore) / 1e9;
            long threats = service.threats().topAccounts(ThreatQuery.open().withStatus(StatusFilter.ALL), 100).stream()
                    .mapToLong(ThreatCount::count).sum();
            double rate = counts[0] / seconds;
            out.printf(Locale.ROOT, "ingest (%s, %d clients, %d records a request): %,d accepted, %,d duplicate, %,d rejected;"
                            + " posted in %.1f s, processed in %.1f s; CPU %.1f s (%.2f cores)%n", database.kind(), clients, batch,
                    counts[0], counts[1], counts[2], postedSeconds, seconds, cpu, cpu / seconds);
            out.printf(Locale.ROOT, "RESULT db=%s ingest_events_per_s=%.0f limit_events_per_s=%.0f ratio=%.3f target=20000 %s threats=%d%n",
                    database.kind(), rate, limitRate, rate / limitRate, rate >= 20_000 ? "ok" : "MISSED", threats);
        }
        return 0;
    }

    private ServiceConfig config() throws IOException {
        Path file = Files.createTempFile("trailhound-bench", ".yml");
        try {
            Path dataDir = database.dataDir != null ? database.dataDir : Files.createTempDirectory("trailhound-bench-data");
            StringBuilder yaml = new StringBuilder("http:\n  port: 0\ndataDir: \"" + dataDir + "\"\n");
            if (database.url != null) {
                yaml.append("database:\n  url: \"").append(database.url).append("\"\n  user: \"").append(database.user).append("\"\n");
            }
            Files.writeString(file, yaml);
            return new ServiceConfigLoader(Map.of()).load(file, Map.of());
        } finally {
            Files.delete(file);
        }
    }

    /** Posts every batch with {@link #clients} threads, each taking the next batch in order; returns accepted, duplicate, rejected. */
    private long[] post(int port, NdjsonBatches batches, PrintStream out, long started) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicate = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    BenchClient client = new BenchClient(port, TOKEN);
                    try (RandomAccessFile in = batches.open()) {
                        int i;
                        while ((i = next.getAndIncrement()) < batches.count()) {
                            JsonNode answer = client.post("/api/v1/events", batches.read(i, in), "application/x-ndjson");
                            accepted.addAndGet(answer.path("accepted").asLong());
                            duplicate.addAndGet(answer.path("duplicate").asLong());
                            rejected.addAndGet(answer.path("rejected").asLong());
                        }
                    }
                    return null;
                }));
            }
            long lastReport = System.nanoTime();
            long lastAccepted = 0;
            for (Future<?> w : workers) {
                while (!w.isDone()) {
                    Thread.sleep(100);
                    if (System.nanoTime() - lastReport >= 10_000_000_000L) {
                        long now = System.nanoTime();
                        long a = accepted.get();
                        out.printf(Locale.ROOT, "  %5.0f s: %,d accepted (%,.0f events/s over the last %.0f s)%n", (now - started) / 1e9, a,
                                (a - lastAccepted) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9);
                        lastReport = now;
                        lastAccepted = a;
                    }
                }
                w.get();
            }
        }
        return new long[] {accepted.get(), duplicate.get(), rejected.get()};
    }

    /** Seconds to stream every batch through Jackson's token parser (counting records) on all cores. */
    private static double parseLimit(NdjsonBatches batches) throws Exception {
        JsonFactory factory = new JsonFactory();
        AtomicInteger next = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        int threads = Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (RandomAccessFile in = batches.open()) {
                        int i;
                        while ((i = next.getAndIncrement()) < batches.count()) {
                            records.addAndGet(countRecords(factory, batches.read(i, in)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        if (records.get() != batches.records()) {
            throw new IllegalStateException("the parser counted " + records.get() + " records, the file has " + batches.records());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static long countRecords(JsonFactory factory, byte[] body) throws IOException {
        long count = 0;
        int depth = 0;
        try (JsonParser p = factory.createParser(body)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (depth++ == 0) {
                        count++;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        }
        return count;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
