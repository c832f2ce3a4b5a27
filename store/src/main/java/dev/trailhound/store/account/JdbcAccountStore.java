package dev.trailhound.store.account;

import dev.trailhound.store.Database;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link AccountStore} over JDBC. */
public final class JdbcAccountStore implements AccountStore {
    private final Jdbi jdbi;

    public JdbcAccountStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public List<Account> list() {
        return jdbi.withHandle(h -> h.createQuery("select account_id, name, first_seen_ms from accounts order by account_id")
                .map((rs, ctx) -> new Account(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    @Override
    public void name(String accountId, String name, long nowMillis) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("update accounts set name = ? where account_id = ?").bind(0, name).bind(1, accountId).execute();
            if (updated == 0) {
                h.createUpdate("insert into accounts (account_id, name, first_seen_ms) values (?, ?, ?)")
                        .bind(0, accountId).bind(1, name).bind(2, nowMillis).execute();
            }
        });
    }
}
