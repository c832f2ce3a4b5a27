package dev.trailhound.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the service keeps its data.
 *
 * @param url          JDBC URL: {@code jdbc:h2:file:...} (embedded) or {@code jdbc:postgresql://...}
 * @param user         database user (may be empty for the embedded database)
 * @param password     its password; never logged (see {@link #toString()})
 * @param maxPoolSize  most connections open at once
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
    }

    /** The embedded database: an H2 file in {@code dataDir}, in PostgreSQL mode so one set of migrations serves both. */
    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("trailhound");
        return new DatabaseSettings(h2Url("file:" + file), "trailhound", "", 8);
    }

    /** An in-memory H2 database that lives while a connection is open (tests). */
    public static DatabaseSettings inMemory(String name) {
        return new DatabaseSettings(h2Url("mem:" + name) + ";DB_CLOSE_DELAY=-1", "trailhound", "", 8);
    }

    private static String h2Url(String where) {
        return "jdbc:h2:" + where + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
