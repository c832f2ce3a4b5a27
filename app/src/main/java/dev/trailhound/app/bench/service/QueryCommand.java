package dev.trailhound.app.bench.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.store.Database;
import dev.trailhound.store.account.JdbcAccountStore;
import dev.trailhound.store.audit.JdbcAuditLog;
import dev.trailhound.store.event.JdbcEventStore;
import dev.trailhound.store.threat.JdbcThreatStore;
import dev.trailhound.store.user.JdbcUserStore;
import dev.trailhound.store.user.PasswordHasher;
import dev.trailhound.store.user.Role;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiServer;
import dev.trailhound.web.accounts.AccountsApi;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.BrowserSessions;
import dev.trailhound.web.overview.OverviewApi;
import dev.trailhound.web.threats.ThreatQueryParameters;
import dev.trailhound.web.threats.ThreatsApi;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-service query}: the REST API (the service's own modules over the real stores) on a seeded database,
 * timed over HTTP by one warmed-up client making one request at a time: p50, p95 and p99 per kind of request.
 */
@Command(name = "query", description = "Time the threat list, a threat's events and the overview over HTTP on a seeded database.")
final class QueryCommand implements Callable<Integer> {
    private static final String TOKEN = "bench-service-token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Mixin
    BenchDatabase database;

    @Option(names = "--requests", defaultValue = "200", description = "Timed requests per scenario.")
    int requests;

    @Option(names = "--warm-up", defaultValue = "40", description = "Untimed requests per scenario first (all scenarios warm up before any is timed).")
    int warmUp;

    @Option(names = "--only", description = "Only scenarios whose group or name contains this text.")
    String only;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--h2-reuse-results", description = "Let H2 answer a repeated query from its previous result while no table"
            + " changed (its default). Off by default here: in a service that ingests, every write ends that reuse.")
    boolean h2ReuseResults;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        InstantSource clock = InstantSource.system();
        try (Database db = Database.open(database.settings())) {
            if (!db.settings().isPostgres() && !h2ReuseResults) {
                db.jdbi().useHandle(h -> h.execute("set optimize_reuse_results 0"));
            }
            JdbcUserStore users = new JdbcUserStore(db, PasswordHasher.standard());
            if (users.byToken(TOKEN, clock.millis()).isEmpty()) {
                users.create("bench", "bench-" + System.nanoTime(), Role.VIEWER, clock.millis());
                users.addToken("bench", TOKEN, "bench-service", clock.millis());
            }
            SeededValues values = SeededValues.of(db);
            out.printf(Locale.ROOT, "%s: %,d threats, %,d session events, %d accounts, %d tactics, %d techniques, %d large threats%n",
                    database.kind(), values.threatCount(), values.eventCount(), values.accounts().size(), values.tactics().size(),
                    values.techniques().size(), values.largeThreats().size());
            try (ApiServer api = api(db, users, clock).start("127.0.0.1", 0)) {
                BenchClient client = new BenchClient(api.port(), TOKEN);
                List<QueryScenario> scenarios = new ArrayList<>(new QueryScenarios(values, clock.millis()).all());
                if (only != null) {
                    scenarios.removeIf(s -> !(s.group() + " " + s.name()).contains(only));
                }
                SplittableRandom random = new SplittableRandom(seed);
                for (QueryScenario s : scenarios) {
                    for (int i = 0; i < warmUp; i++) {
                        client.get(s.step().next(client, random));
                    }
                }
                out.printf(Locale.ROOT, "%-12s %-52s %8s %8s %8s %8s %7s %7s%n", "endpoint", "request", "p50 ms", "p95 ms",
                        "p99 ms", "max ms", "items", "target");
                int missed = 0;
                for (QueryScenario s : scenarios) {
                    Latencies latencies = new Latencies();
                    long items = 0;
                    for (int i = 0; i < requests; i++) {
                        String path = s.step().next(client, random);
                        long started = System.nanoTime();
                        byte[] body = client.get(path);
                        latencies.add(System.nanoTime() - started);
                        items += MAPPER.readTree(body).path("items").size();
                    }
                    double p95 = latencies.percentileMillis(95);
                    boolean ok = p95 < s.targetMillis();
                    missed += ok ? 0 : 1;
                    out.printf(Locale.ROOT, "%-12s %-52s %8.1f %8.1f %8.1f %8.1f %7.1f %4.0f %s%n", s.group(), s.name(),
                            latencies.percentileMillis(50), p95, latencies.percentileMillis(99), latencies.maxMillis(),
                            items / (double) requests, s.targetMillis(), ok ? "ok" : "MISSED");
                }
                out.printf(Locale.ROOT, "%s: %d of %d scenarios over their p95 target (%d timed requests each, one client)%n",
                        database.kind(), missed, scenarios.size(), requests);
            }
        }
        return 0;
    }

    /** The service's read API (as {@code Service} wires it) over the real stores of this database. */
    private static ApiServer api(Database db, JdbcUserStore users, InstantSource clock) {
        JdbcThreatStore threats = new JdbcThreatStore(db);
        JdbcEventStore events = new JdbcEventStore(db);
        JdbcAuditLog audit = new JdbcAuditLog(db);
        BrowserSessions sessions = new BrowserSessions(clock, Duration.ofHours(12));
        List<ApiModule> modules = List.of(
                new ThreatsApi(threats, events, new ThreatQueryParameters(AttackCatalog.v19()), audit, clock,
                        id -> "http://127.0.0.1/threats/" + id),
                new AccountsApi(new JdbcAccountStore(db), audit, clock),
                new OverviewApi(threats, new ThreatQueryParameters(AttackCatalog.v19()), AttackCatalog.v19(), clock));
        return new ApiServer(new Authentication(users, sessions, clock), modules, 64L << 20);
    }
}
