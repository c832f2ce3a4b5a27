package dev.trailhound.store.testing;

import dev.trailhound.store.Database;
import dev.trailhound.store.DatabaseSettings;
import java.util.concurrent.atomic.AtomicInteger;

/** The two databases every store test runs against: embedded H2 and a real PostgreSQL server. */
public enum DatabaseKind {
    H2, POSTGRESQL;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A fresh, migrated, empty database of this kind. */
    public Database open(String hint) {
        return Database.open(settings(hint));
    }

    public DatabaseSettings settings(String hint) {
        return switch (this) {
            case H2 -> DatabaseSettings.inMemory(hint + "-" + SEQUENCE.incrementAndGet());
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.shared();
                yield new DatabaseSettings(server.newDatabase(hint), server.user(), server.password(), 8);
            }
        };
    }
}
