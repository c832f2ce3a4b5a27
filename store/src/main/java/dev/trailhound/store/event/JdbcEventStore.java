package dev.trailhound.store.event;

import dev.trailhound.store.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link EventStore} over JDBC: the events table's primary key is the de-duplication that survives restarts. */
public final class JdbcEventStore implements EventStore {
    private final Jdbi jdbi;

    public JdbcEventStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * One JDBC batch in one transaction. Plain JDBC rather than JDBI's binding: this is the service's hottest write
     * (every ingested event), and per-value binding through JDBI's argument resolution cost as much as H2's insert.
     */
    @Override
    public boolean[] storeNew(List<EventRecord> events, long nowMillis) {
        boolean[] added = new boolean[events.size()];
        if (events.isEmpty()) {
            return added;
        }
        try {
            jdbi.useTransaction(h -> insert(h.getConnection(), events, nowMillis, added));
        } catch (SQLException e) {
            // as JDBI reports a failed statement: unchecked, with the database's reason
            throw new IllegalStateException("storing " + events.size() + " events failed: " + e.getMessage(), e);
        }
        return added;
    }

    private static void insert(Connection c, List<EventRecord> events, long nowMillis, boolean[] added) throws SQLException {
        Set<String> accounts = new LinkedHashSet<>();
        try (PreparedStatement insert = c.prepareStatement("insert into events (event_id, event_ms, account_id,"
                + " event_source, event_name, event_type, region, source_ip, raw, received_at_ms)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            for (EventRecord e : events) {
                insert.setString(1, e.eventId());
                insert.setLong(2, e.eventMillis());
                insert.setString(3, e.accountId());
                insert.setString(4, e.eventSource());
                insert.setString(5, e.eventName());
                insert.setString(6, e.eventType());
                insert.setString(7, e.region());
                insert.setString(8, e.sourceIp());
                insert.setBytes(9, e.rawJson());
                insert.setLong(10, nowMillis);
                insert.addBatch();
                if (e.accountId() != null) {
                    accounts.add(e.accountId());
                }
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                added[i] = counts[i] > 0;
            }
        }
        if (!accounts.isEmpty()) {
            try (PreparedStatement known = c.prepareStatement(
                    "insert into accounts (account_id, first_seen_ms) values (?, ?) on conflict do nothing")) {
                for (String account : accounts) {
                    known.setString(1, account);
                    known.setLong(2, nowMillis);
                    known.addBatch();
                }
                known.executeBatch();
            }
        }
    }

    /**
     * Deletes up to {@code limit} events received before {@code cutoffMillis} that no threat holds: a threat's session
     * events are its evidence and live as long as it does. Earliest received first, so repeated calls make steady
     * progress; returns how many were deleted.
     */
    @Override
    public int deleteUnlinkedReceivedBefore(long cutoffMillis, int limit) {
        // the ids first, then a batch of deletes by key: H2 plans "delete ... where id in (select ... limit)" badly
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("select e.event_id from events e where e.received_at_ms < ?"
                            + " and not exists (select 1 from threat_events te where te.event_id = e.event_id)"
                            + " order by e.received_at_ms limit ?")
                    .bind(0, cutoffMillis).bind(1, limit).mapTo(String.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            PreparedBatch delete = h.prepareBatch("delete from events where event_id = ?");
            ids.forEach(id -> delete.bind(0, id).add());
            return IntStream.of(delete.execute()).sum();
        });
    }

    @Override
    public EventPage sessionEvents(String threatId, int limit, String cursor) {
        long afterMillis = Long.MIN_VALUE;
        String afterId = "";
        if (cursor != null && !cursor.isBlank()) {
            String[] key = decode(cursor);
            afterMillis = Long.parseLong(key[0]);
            afterId = key[1];
        }
        long fromMillis = afterMillis;
        String fromId = afterId;
        List<EventRecord> rows = jdbi.withHandle(h -> h.createQuery("select e.* from threat_events te"
                        + " join events e on e.event_id = te.event_id where te.threat_id = ?"
                        // the lone lower bound gives the index scan its start; the "or" alone would read from the first
                        + " and te.event_ms >= ? and (te.event_ms > ? or te.event_id > ?)"
                        + " order by te.event_ms, te.event_id limit ?")
                .bind(0, threatId).bind(1, fromMillis).bind(2, fromMillis).bind(3, fromId).bind(4, limit + 1)
                .map((rs, ctx) -> record(rs)).list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            EventRecord last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.eventMillis() + "|" + last.eventId()).getBytes(StandardCharsets.UTF_8));
        }
        return new EventPage(rows, next);
    }

    private static String[] decode(String cursor) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            if (key.length == 2) {
                Long.parseLong(key[0]);
                return key;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below (NumberFormatException is one too)
        }
        throw new IllegalArgumentException("not a cursor of this listing: use the nextCursor of the previous page");
    }

    static EventRecord record(ResultSet rs) throws SQLException {
        return new EventRecord(rs.getString("event_id"), rs.getLong("event_ms"), rs.getString("account_id"),
                rs.getString("event_source"), rs.getString("event_name"), rs.getString("event_type"),
                rs.getString("region"), rs.getString("source_ip"), rs.getBytes("raw"));
    }

    @Override
    public List<EventRecord> inEventTimeOrder(long afterMillis, String afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select * from events where event_ms > ? or (event_ms = ? and event_id > ?)"
                        + " order by event_ms, event_id limit ?")
                .bind(0, afterMillis).bind(1, afterMillis).bind(2, afterId).bind(3, limit)
                .map((rs, ctx) -> record(rs)).list());
    }

    @Override
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from events").mapTo(Long.class).one());
    }
}
