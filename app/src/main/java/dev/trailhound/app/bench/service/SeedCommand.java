package dev.trailhound.app.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.store.Database;
import dev.trailhound.store.DatabaseSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench-service seed}: an empty database filled with threats and session events in bulk (not measured). */
@Command(name = "seed", description = "Fill an empty database with threats and their session events (bulk JDBC batches).")
final class SeedCommand implements Callable<Integer> {
    @Mixin
    BenchDatabase database;

    @Option(names = "--records", required = true, paramLabel = "FILE",
            description = "CloudTrail records, one JSON object a line (bench-service prepare-ingest writes one): the events are made from them.")
    Path records;

    @Option(names = "--threats", defaultValue = "100000")
    int threats;

    @Option(names = "--events", defaultValue = "2000000", description = "Session events in all.")
    long events;

    @Option(names = "--large-threats", defaultValue = "20", description = "Threats with --large-threat-events each (to page through).")
    int largeThreats;

    @Option(names = "--large-threat-events", defaultValue = "5000")
    int largeThreatEvents;

    @Option(names = "--accounts", defaultValue = "50")
    int accounts;

    @Option(names = "--people", defaultValue = "5000", description = "Distinct users and role sessions.")
    int people;

    @Option(names = "--days", defaultValue = "90", description = "Threats are detected over this many days before now.")
    int days;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        SeedPlan plan = new SeedPlan(threats, events, largeThreats, largeThreatEvents, accounts, people, days, seed);
        DatabaseSettings settings = database.settings();
        if (settings.isPostgres()) {
            String url = settings.url() + (settings.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            settings = new DatabaseSettings(url, settings.user(), settings.password(), settings.maxPoolSize());
        }
        List<JsonNode> templates = sample(records, 20_000);
        try (Database db = Database.open(settings)) {
            long existing = db.jdbi().withHandle(h -> h.createQuery("select count(*) from threats").mapTo(Long.class).one());
            if (existing > 0) {
                throw new IllegalStateException("the database already holds " + existing + " threats: seed an empty one");
            }
            long started = System.nanoTime();
            long written = new StoreSeeder(db, templates, out).seed(plan, System.currentTimeMillis());
            out.printf(Locale.ROOT, "seeded %s: %,d threats, %,d events in %.0f s; analysing...%n", database.kind(), threats,
                    written, (System.nanoTime() - started) / 1e9);
            // what autovacuum (PostgreSQL) and H2's automatic analysis do on their own after a while
            db.jdbi().useHandle(h -> h.execute(db.settings().isPostgres() ? "vacuum analyze" : "analyze"));
            out.printf(Locale.ROOT, "seeded and analysed in %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }

    /** Up to {@code max} records spread over the file (every n-th line). */
    private static List<JsonNode> sample(Path file, int max) throws IOException {
        long lines;
        try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
            lines = stream.count();
        }
        long step = Math.max(1, lines / max);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> sample = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null && sample.size() < max) {
                if (n++ % step == 0 && !line.isBlank()) {
                    sample.add(mapper.readTree(line));
                }
            }
        }
        return sample;
    }
}
