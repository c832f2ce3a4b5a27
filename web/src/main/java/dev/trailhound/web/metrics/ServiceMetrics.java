package dev.trailhound.web.metrics;

import dev.trailhound.web.auth.Permission;
import dev.trailhound.web.ApiModule;
import dev.trailhound.web.ApiRoutes;
import io.javalin.http.Context;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongSupplier;

/**
 * The service's Prometheus metrics, served at {@code /metrics} to any signed-in role (Prometheus sends a viewer's API
 * token as {@code authorization: credentials}). One registry per service, so several services in one JVM (tests) do
 * not mix.
 */
public final class ServiceMetrics implements ApiModule {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter ingested = Counter.builder().name("trailhound_events_ingested")
            .help("Events accepted (new eventIDs), stored and handed to detection").register(registry);
    private final Counter duplicates = Counter.builder().name("trailhound_events_duplicate")
            .help("Events whose eventID was already stored").register(registry);
    private final Counter rejected = Counter.builder().name("trailhound_events_rejected")
            .help("Records that could not become events").register(registry);
    private final Counter threatsCreated = Counter.builder().name("trailhound_threats_created")
            .help("Threats stored for the first time").register(registry);
    private final Histogram lag = Histogram.builder().name("trailhound_event_lag_seconds")
            .help("From an event's eventTime to its hand-over to detection")
            .classicOnly().classicUpperBounds(1, 5, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600, 7 * 24 * 3600)
            .register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /** @param ruleErrors how many times a rule threw on an event (rules are isolated and counted) */
    public ServiceMetrics(LongSupplier ruleErrors) {
        CounterWithCallback.builder().name("trailhound_rule_errors")
                .help("Times a rule threw on an event (the rule was skipped for that event)")
                .callback(c -> c.call(ruleErrors.getAsLong())).register(registry);
    }

    public void ingested(long events, long duplicate, long rejectedRecords) {
        ingested.inc(events);
        duplicates.inc(duplicate);
        rejected.inc(rejectedRecords);
    }

    public void lag(double seconds) {
        lag.observe(Math.max(0, seconds));
    }

    public void threatCreated() {
        threatsCreated.inc();
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/metrics", this::scrape, Permission.READ);
    }

    private void scrape(Context ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
    }
}
