package dev.trailhound.app.bench.service;

import dev.trailhound.store.DatabaseSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which database a benchmark step works on: the embedded H2 of a data directory, or a PostgreSQL URL. */
final class BenchDatabase {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded H2 database in this data directory (as serve --data-dir).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL", description = "PostgreSQL instead: jdbc:postgresql://HOST:PORT/DB.")
    String url;

    @Option(names = "--database-user", paramLabel = "USER", defaultValue = "", description = "Its user.")
    String user;

    /** The settings the service would use for the same place (pool size as serve's default). */
    DatabaseSettings settings() {
        if ((dataDir == null) == (url == null)) {
            throw new IllegalArgumentException("give --data-dir (H2) or --database-url (PostgreSQL), one of the two");
        }
        return dataDir != null ? DatabaseSettings.embedded(dataDir) : new DatabaseSettings(url, user, "", 8);
    }

    /** "H2" or "PostgreSQL", for reports. */
    String kind() {
        return dataDir != null ? "H2" : "PostgreSQL";
    }
}
