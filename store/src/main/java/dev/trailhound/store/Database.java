package dev.trailhound.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The service's database: a connection pool, migrated to the current schema when opened (Flyway, one set of
 * migrations for H2 and PostgreSQL), and the {@link Jdbi} the stores run their SQL through.
 */
public final class Database implements AutoCloseable {
    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Connects and migrates; fails with the database's own message when it cannot. */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setPoolName("trailhound-db");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            // one set of migrations for both, plus each database's own indexes (db/h2, db/postgresql)
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:db/" + (settings.isPostgres() ? "postgresql" : "h2"))
                    .load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(settings, dataSource);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
