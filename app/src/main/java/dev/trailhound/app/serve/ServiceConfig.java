package dev.trailhound.app.serve;

import dev.trailhound.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service's effective configuration: file, then environment, then command-line flags over the defaults,
 * validated as a whole ({@link ServiceConfigLoader}).
 */
public record ServiceConfig(
        String host,
        int port,
        String publicUrl,
        long maxBodyBytes,
        Path dataDir,
        DatabaseSettings database,
        String databasePasswordSource,
        double learningDays,
        Duration releaseAfter,
        Duration maxHold,
        Duration sessionIdle,
        List<Path> directories,
        Duration pollInterval,
        Duration eventRetention) {

    public ServiceConfig {
        directories = List.copyOf(directories);
    }

    /** Whether old events are deleted (retention.eventDays above 0). */
    public boolean keepsEventsForever() {
        return eventRetention.isZero();
    }

    /** The link to a threat's page in the console. */
    public String threatLink(String threatId) {
        return publicUrl + "/threats/" + threatId;
    }

    /** The effective configuration for the startup log; the database password is named by its source, never shown. */
    public String describe() {
        return String.join("\n",
                "  http.host: " + host,
                "  http.port: " + port,
                "  http.publicUrl: " + publicUrl,
                "  http.maxBodyBytes: " + maxBodyBytes,
                "  dataDir: " + dataDir,
                "  database.url: " + database.url(),
                "  database.user: " + database.user(),
                "  database.password: " + databasePasswordSource,
                "  database.maxPoolSize: " + database.maxPoolSize(),
                "  detection.learningDays: " + learningDays,
                "  detection.releaseAfterMillis: " + releaseAfter.toMillis(),
                "  detection.maxHoldMillis: " + maxHold.toMillis(),
                "  auth.sessionIdleMinutes: " + sessionIdle.toMinutes(),
                "  ingest.directories: " + directories,
                "  ingest.pollMillis: " + pollInterval.toMillis(),
                "  retention.eventDays: " + eventRetention.toDays());
    }
}
