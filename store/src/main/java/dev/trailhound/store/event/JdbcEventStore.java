package dev.trailhound.store.event;

import dev.trailhound.store.Database;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link EventStore} over JDBC: the events table's primary key is the de-duplication that survives restarts. */
public final class JdbcEventStore implements EventStore {
    private final Jdbi jdbi;

    public JdbcEventStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public boolean[] storeNew(List<EventRecord> events, long nowMillis) {
        boolean[] added = new boolean[events.size()];
        if (events.isEmpty()) {
            return added;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("insert into events (event_id, event_ms, account_id, event_source, event_name,"
                    + " event_type, region, source_ip, raw, received_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing");
            Set<String> accounts = new LinkedHashSet<>();
            for (EventRecord e : events) {
                batch.bind(0, e.eventId()).bind(1, e.eventMillis()).bind(2, e.accountId()).bind(3, e.eventSource())
                        .bind(4, e.eventName()).bind(5, e.eventType()).bind(6, e.region()).bind(7, e.sourceIp())
                        .bind(8, e.raw()).bind(9, nowMillis).add();
                if (e.accountId() != null) {
                    accounts.add(e.accountId());
                }
            }
            int[] counts = batch.execute();
            for (int i = 0; i < counts.length; i++) {
                added[i] = counts[i] > 0;
            }
            if (!accounts.isEmpty()) {
                PreparedBatch known = h.prepareBatch("insert into accounts (account_id, first_seen_ms) values (?, ?) on conflict do nothing");
                for (String account : accounts) {
                    known.bind(0, account).bind(1, nowMillis).add();
                }
                known.execute();
            }
        });
        return added;
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
                        + " and (te.event_ms > ? or (te.event_ms = ? and te.event_id > ?))"
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
                rs.getString("region"), rs.getString("source_ip"), rs.getString("raw"));
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
