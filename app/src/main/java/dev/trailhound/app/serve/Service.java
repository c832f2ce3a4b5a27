package dev.trailhound.app.serve;

import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.baseline.AnomalyDetector;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.core.rules.RuleEngine;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.store.Database;
import dev.trailhound.store.account.JdbcAccountStore;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.JdbcAuditLog;
import dev.trailhound.store.event.JdbcEventStore;
import dev.trailhound.store.ingest.JdbcIngestedFiles;
import dev.trailhound.store.suppression.JdbcSuppressionStore;
import dev.trailhound.store.threat.JdbcThreatStore;
import dev.trailhound.store.user.JdbcUserStore;
import dev.trailhound.store.user.PasswordHasher;
import dev.trailhound.store.user.Role;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiServer;
import dev.trailhound.web.accounts.AccountsApi;
import dev.trailhound.web.auth.Authentication;
import dev.trailhound.web.auth.BrowserSessions;
import dev.trailhound.web.auth.LoginApi;
import dev.trailhound.web.auth.LoginLimiter;
import dev.trailhound.web.auth.LoginLimits;
import dev.trailhound.web.auth.PasswordGuard;
import dev.trailhound.web.events.EventsApi;
import dev.trailhound.web.metrics.ServiceMetrics;
import dev.trailhound.web.overview.OverviewApi;
import dev.trailhound.web.principals.PrincipalBaselines;
import dev.trailhound.web.principals.PrincipalsApi;
import dev.trailhound.web.suppressions.SuppressionsApi;
import dev.trailhound.web.threats.ThreatJson;
import dev.trailhound.web.threats.ThreatQueryParameters;
import dev.trailhound.web.threats.ThreatsApi;
import dev.trailhound.web.tokens.TokensApi;
import dev.trailhound.web.users.UsersApi;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired by hand: database and stores, the first admin, live detection, and the HTTP API.
 * {@code serve} and {@code demo} start one; tests start one on port 0.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private final Database database;
    private final LiveDetection detection;
    private final ApiServer api;
    private final JdbcThreatStore threats;
    private final JdbcEventStore events;
    private final JdbcAccountStore accounts;
    private final DirectorySources directories;
    private final SuppressionExpiry expiry;
    private final EventRetention retention;

    private Service(Database database, LiveDetection detection, ApiServer api, JdbcThreatStore threats, JdbcEventStore events,
                    JdbcAccountStore accounts, DirectorySources directories, SuppressionExpiry expiry, EventRetention retention) {
        this.retention = retention;
        this.directories = directories;
        this.expiry = expiry;
        this.database = database;
        this.detection = detection;
        this.api = api;
        this.threats = threats;
        this.events = events;
        this.accounts = accounts;
    }

    /**
     * @param detectors   what detection runs (rules and baselines, built like {@code scan}'s)
     * @param organisation the accounts the rules consider the organisation's own (shared with the detectors)
     * @param environment for the first admin's password and token (TRAILHOUND_ADMIN_PASSWORD, TRAILHOUND_ADMIN_TOKEN)
     * @param out         where the generated admin password is printed once
     */
    public static Service start(ServiceConfig config, List<Detector<?>> detectors, Organisation organisation,
                                Map<String, String> environment,
                                PasswordHasher hasher, InstantSource clock, PrintStream out) {
        Database database = Database.open(config.database());
        try {
            JdbcThreatStore threats = new JdbcThreatStore(database);
            JdbcEventStore events = new JdbcEventStore(database);
            JdbcAccountStore accounts = new JdbcAccountStore(database);
            JdbcUserStore users = new JdbcUserStore(database, hasher);
            JdbcAuditLog audit = new JdbcAuditLog(database);
            JdbcSuppressionStore suppressions = new JdbcSuppressionStore(database);
            createFirstAdmin(users, audit, environment, clock, out);
            ServiceMetrics metrics = new ServiceMetrics(() -> ruleErrors(detectors));
            LiveDetection detection = new LiveDetection(detectors, PipelineSettings.defaults(), organisation,
                    events, threats, suppressions, clock, ReadLimits.defaults(), config.releaseAfter(), config.maxHold(), metrics);
            // what is past the retention goes first, so that detection state is rebuilt from the events kept
            EventRetention retention = config.keepsEventsForever() ? null
                    : new EventRetention(events, audit, clock, config.eventRetention());
            if (retention != null) {
                retention.runOnce();
            }
            long started = System.nanoTime();
            long replayed = detection.replay();
            if (replayed > 0) {
                LOG.info("replayed {} stored events to rebuild detection state in {} ms", replayed, (System.nanoTime() - started) / 1_000_000);
            }
            BrowserSessions sessions = new BrowserSessions(clock, config.sessionIdle());
            ThreatQueryParameters filters = new ThreatQueryParameters(AttackCatalog.v19());
            PasswordGuard guard = new PasswordGuard(new LoginLimiter(LoginLimits.standard(), clock), audit, clock);
            List<ApiModule> modules = List.of(
                    new LoginApi(users, sessions, guard, audit, clock),
                    new UsersApi(users, sessions, guard, audit, clock),
                    new TokensApi(users, audit, clock),
                    new ThreatsApi(threats, events, filters, audit, clock, config::threatLink),
                    new EventsApi(detection, config.maxBodyBytes()),
                    new AccountsApi(accounts, audit, clock),
                    new OverviewApi(threats, filters, AttackCatalog.v19(), clock),
                    new SuppressionsApi(suppressions, threats, filters, new ThreatJson(config::threatLink), audit, clock),
                    new PrincipalsApi(principalBaselines(detectors, detection), accounts),
                    metrics);
            ApiServer api = new ApiServer(new Authentication(users, sessions, clock), modules, config.maxBodyBytes());
            api.start(config.host(), config.port());
            DirectorySources directories = config.directories().isEmpty() ? null : new DirectorySources(config.directories(),
                    detection, new JdbcIngestedFiles(database), ReadLimits.defaults(), clock, config.pollInterval());
            SuppressionExpiry expiry = new SuppressionExpiry(suppressions, audit, clock, Duration.ofSeconds(15));
            return new Service(database, detection, api, threats, events, accounts, directories, expiry,
                    retention == null ? null : retention.every(Duration.ofHours(1)));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The anomaly detector's baselines, read on the pipeline thread that owns them (none when it does not run). */
    private static PrincipalBaselines principalBaselines(List<Detector<?>> detectors, LiveDetection detection) {
        AnomalyDetector anomalies = detectors.stream().filter(AnomalyDetector.class::isInstance).map(AnomalyDetector.class::cast)
                .findFirst().orElse(null);
        return id -> anomalies == null ? Optional.empty()
                : detection.read(() -> anomalies.store().view(id, anomalies.settings(), 20), Duration.ofSeconds(5));
    }

    private static long ruleErrors(List<Detector<?>> detectors) {
        long errors = 0;
        for (Detector<?> d : detectors) {
            if (d instanceof RuleEngine engine) {
                errors += engine.failures().total();
            }
        }
        return errors;
    }

    /**
     * The first start creates {@code admin}: with TRAILHOUND_ADMIN_PASSWORD and an API token equal to
     * TRAILHOUND_ADMIN_TOKEN when set, otherwise with a generated password printed once.
     */
    private static void createFirstAdmin(JdbcUserStore users, JdbcAuditLog audit, Map<String, String> environment,
                                         InstantSource clock, PrintStream out) {
        if (!users.isEmpty()) {
            return;
        }
        String password = environment.get("TRAILHOUND_ADMIN_PASSWORD");
        boolean generated = password == null || password.isEmpty();
        if (generated) {
            password = new BrowserSessions(clock, Duration.ZERO).randomToken().substring(0, 20);
        }
        users.create("admin", password, Role.ADMIN, clock.millis());
        String token = environment.get("TRAILHOUND_ADMIN_TOKEN");
        if (token != null && !token.isEmpty()) {
            users.addToken("admin", token, "TRAILHOUND_ADMIN_TOKEN", clock.millis());
        }
        audit.record(new AuditEntry(clock.millis(), "trailhound", "user.create", "admin", "first start"));
        if (generated) {
            out.println("trailhound: created user 'admin' with password " + password
                    + " (shown once; set TRAILHOUND_ADMIN_PASSWORD before the first start to choose it)");
        }
    }

    public int port() {
        return api.port();
    }

    public LiveDetection detection() {
        return detection;
    }

    public JdbcThreatStore threats() {
        return threats;
    }

    public JdbcAccountStore accounts() {
        return accounts;
    }

    public JdbcEventStore events() {
        return events;
    }

    /** The directory sources, or null when none are configured. */
    DirectorySources directories() {
        return directories;
    }

    @Override
    public void close() {
        expiry.close();
        if (retention != null) {
            retention.close();
        }
        if (directories != null) {
            directories.close();
        }
        api.close();
        detection.close();
        database.close();
    }
}
