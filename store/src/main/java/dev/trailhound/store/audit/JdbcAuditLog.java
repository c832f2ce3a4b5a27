package dev.trailhound.store.audit;

import dev.trailhound.store.Database;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link AuditLog} over JDBC. */
public final class JdbcAuditLog implements AuditLog {
    private final Jdbi jdbi;

    public JdbcAuditLog(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void record(AuditEntry e) {
        jdbi.useHandle(h -> h.createUpdate("insert into audit_log (at_ms, actor, action, target, detail) values (?, ?, ?, ?, ?)")
                .bind(0, e.atMillis()).bind(1, e.actor()).bind(2, e.action()).bind(3, e.target()).bind(4, e.detail())
                .execute());
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select at_ms, actor, action, target, detail from audit_log order by id desc limit ?")
                .bind(0, limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list());
    }
}
