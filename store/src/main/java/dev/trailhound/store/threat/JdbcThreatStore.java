package dev.trailhound.store.threat;

import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** {@link ThreatStore} over JDBC (H2 or PostgreSQL). */
public final class JdbcThreatStore implements ThreatStore {
    /** A threat's columns without its document (which {@link #documents} reads for the rows answered). */
    static final String SELECT = "select t.threat_id, t.account_id, a.name as account_name, t.status,"
            + " t.event_count, t.session_closed, t.suppression_reason, t.suppressed_by, t.suppressed_at_ms,"
            + " t.suppression_id, t.created_at_ms, t.updated_at_ms, t.detection_ms, t.severity_rank"
            + " from threats t left join accounts a on a.account_id = t.account_id";
    private static final int REMEMBERED_LINKS = 100_000;

    private final Jdbi jdbi;
    /**
     * How many of each threat's event ids were linked last time, and the last of them: a growing threat's ids only
     * append, so an upsert links just the new ones. Forgotten or changed (a merge), every id is linked again
     * (duplicates are ignored by the table's key). Upserts come from one thread.
     */
    private final Map<String, LinkedEvents> linked = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LinkedEvents> eldest) {
            return size() > REMEMBERED_LINKS;
        }
    };

    private record LinkedEvents(int count, String last) {}

    public JdbcThreatStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public boolean upsert(Threat t, long eventCount, boolean sessionClosed, long nowMillis) {
        String document = ThreatJsonWriter.document(t, account -> null);
        List<String> toLink = newlyAttached(t);
        boolean created = jdbi.inTransaction(h -> {
            int updated = h.createUpdate("update threats set session_id = ?, account_id = ?, user_name = ?, principal_arn = ?,"
                            + " asset_type = ?, asset_id = ?, severity = ?, severity_rank = ?, detection_ms = ?, first_event_ms = ?,"
                            + " last_event_ms = ?, event_count = ?, session_closed = ?, tactic_ids = ?, technique_ids = ?,"
                            + " updated_at_ms = ?"
                            + " where threat_id = ?")
                    .bind(0, t.sessionId()).bind(1, t.accountId()).bind(2, t.user()).bind(3, t.principalArn())
                    .bind(4, t.assetType()).bind(5, t.assetId()).bind(6, t.severity().label())
                    .bind(7, t.severity().ordinal()).bind(8, t.detectionMillis()).bind(9, t.firstEventMillis())
                    .bind(10, t.lastEventMillis()).bind(11, eventCount).bind(12, sessionClosed).bind(13, tacticIds(t))
                    .bind(14, techniqueIds(t)).bind(15, nowMillis).bind(16, t.threatId())
                    .execute();
            if (updated == 0) {
                h.createUpdate("insert into threats (threat_id, session_id, account_id, user_name, principal_arn, asset_type,"
                                + " asset_id, severity, severity_rank, detection_ms, first_event_ms, last_event_ms, event_count,"
                                + " session_closed, status, tactic_ids, technique_ids, created_at_ms, updated_at_ms)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, t.threatId()).bind(1, t.sessionId()).bind(2, t.accountId()).bind(3, t.user())
                        .bind(4, t.principalArn()).bind(5, t.assetType()).bind(6, t.assetId())
                        .bind(7, t.severity().label()).bind(8, t.severity().ordinal()).bind(9, t.detectionMillis())
                        .bind(10, t.firstEventMillis()).bind(11, t.lastEventMillis()).bind(12, eventCount)
                        .bind(13, sessionClosed).bind(14, ThreatStatus.OPEN.label()).bind(15, tacticIds(t))
                        .bind(16, techniqueIds(t)).bind(17, nowMillis).bind(18, nowMillis)
                        .execute();
                h.createUpdate("insert into accounts (account_id, first_seen_ms) values (?, ?) on conflict do nothing")
                        .bind(0, t.accountId()).bind(1, t.firstEventMillis()).execute();
            }
            // updated in place, or written when missing (a new threat, or a row whose document was never written)
            int documents = updated == 0 ? 0 : h.createUpdate("update threat_documents set document = ? where threat_id = ?")
                    .bind(0, document).bind(1, t.threatId()).execute();
            if (documents == 0) {
                h.createUpdate("insert into threat_documents (threat_id, document) values (?, ?)")
                        .bind(0, t.threatId()).bind(1, document).execute();
            }
            replaceRules(h, t);
            link(h, t.threatId(), toLink);
            return updated == 0;
        });
        linked.put(t.threatId(), new LinkedEvents(t.eventIds().size(),
                t.eventIds().isEmpty() ? null : t.eventIds().get(t.eventIds().size() - 1)));
        return created;
    }

    private List<String> newlyAttached(Threat t) {
        List<String> ids = t.eventIds();
        LinkedEvents before = linked.get(t.threatId());
        if (before != null && before.count() > 0 && before.count() <= ids.size()
                && ids.get(before.count() - 1).equals(before.last())) {
            return ids.subList(before.count(), ids.size());
        }
        return ids;
    }

    private static void replaceRules(Handle h, Threat t) {
        h.createUpdate("delete from threat_rules where threat_id = ?").bind(0, t.threatId()).execute();
        Set<String> rules = new LinkedHashSet<>();
        t.detections().forEach(d -> rules.add(d.ruleId()));
        if (!rules.isEmpty()) {
            PreparedBatch batch = h.prepareBatch("insert into threat_rules (rule_id, threat_id) values (?, ?)");
            for (String rule : rules) {
                batch.bind(0, rule).bind(1, t.threatId()).add();
            }
            batch.execute();
        }
    }

    /** The threat's tactic ids as its row holds them: comma-wrapped, in id order (",TA0001,TA0006,"). */
    public static String tacticIds(Threat t) {
        return commaWrapped(t.tactics().stream().map(Tactic::id));
    }

    /** The threat's technique ids as its row holds them (",T1098,T1098.001,"). */
    public static String techniqueIds(Threat t) {
        return commaWrapped(t.techniques().stream().map(Technique::id));
    }

    private static String commaWrapped(Stream<String> ids) {
        return "," + ids.distinct().sorted().map(id -> id + ",").collect(Collectors.joining());
    }

    private static void link(Handle h, String threatId, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("insert into threat_events (threat_id, event_id, event_ms)"
                + " select ?, event_id, event_ms from events where event_id = ? on conflict do nothing");
        for (String id : eventIds) {
            batch.bind(0, threatId).bind(1, id).add();
        }
        batch.execute();
    }

    @Override
    public void remove(String threatId) {
        jdbi.useTransaction(h -> {
            for (String table : List.of("threat_documents", "threat_rules", "threat_events", "threats")) {
                h.createUpdate("delete from " + table + " where threat_id = ?").bind(0, threatId).execute();
            }
        });
        linked.remove(threatId);
    }

    @Override
    public ThreatPage list(ThreatQuery query, ThreatSort sort, int limit, String cursor) {
        ThreatFilterSql filter = new ThreatFilterSql(query);
        if (cursor != null && !cursor.isBlank()) {
            ThreatCursor after = ThreatCursor.decode(cursor, sort);
            filter.and(after.after(), after.afterArguments());
        }
        String direction = sort.descending() ? " desc" : " asc";
        StringBuilder order = new StringBuilder();
        for (String column : sort.columns()) {
            order.append(order.isEmpty() ? "" : ", ").append("t.").append(column).append(direction);
        }
        String sql = SELECT + " where " + filter.where() + " order by " + order + " limit ?";
        List<Object> arguments = new ArrayList<>(filter.arguments());
        arguments.add(limit + 1);
        return jdbi.withHandle(h -> {
            List<Row> rows = bindAll(h.createQuery(sql), arguments).map((rs, ctx) -> row(rs)).list();
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                Row last = rows.get(limit - 1);
                next = new ThreatCursor(sort, keyOf(sort, last)).encode();
            }
            Map<String, String> documents = documents(h, rows.stream().map(r -> r.threat().threatId()).toList());
            return new ThreatPage(rows.stream().map(r -> r.threat().withDocument(documents.get(r.threat().threatId()))).toList(), next);
        });
    }

    /** The documents of these threats, by id: one query for a page, after the page's rows are chosen. */
    static Map<String, String> documents(Handle h, List<String> threatIds) {
        Map<String, String> documents = new HashMap<>();
        if (threatIds.isEmpty()) {
            return documents;
        }
        String marks = String.join(", ", Collections.nCopies(threatIds.size(), "?"));
        bindAll(h.createQuery("select threat_id, document from threat_documents where threat_id in (" + marks + ")"),
                new ArrayList<>(threatIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> documents.put(e.getKey(), e.getValue()));
        return documents;
    }

    private static List<Object> keyOf(ThreatSort sort, Row row) {
        List<Object> key = new ArrayList<>();
        for (String column : sort.columns()) {
            key.add(switch (column) {
                case "severity_rank" -> (long) row.severityRank();
                case "detection_ms" -> row.detectionMillis();
                case "threat_id" -> row.threat().threatId();
                default -> throw new IllegalStateException("no key for column " + column);
            });
        }
        return key;
    }

    static Query bindAll(Query query, List<Object> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            query.bind(i, arguments.get(i));
        }
        return query;
    }

    private record Row(StoredThreat threat, long detectionMillis, int severityRank) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(threat(rs), rs.getLong("detection_ms"), rs.getInt("severity_rank"));
    }

    static StoredThreat threat(ResultSet rs) throws SQLException {
        String reason = rs.getString("suppression_reason");
        StoredThreat.Suppression suppression = reason == null ? null
                : new StoredThreat.Suppression(reason, rs.getString("suppressed_by"), rs.getLong("suppressed_at_ms"),
                        rs.getString("suppression_id"));
        return new StoredThreat(rs.getString("threat_id"), null, rs.getString("account_id"),
                rs.getString("account_name"), ThreatStatus.ofLabel(rs.getString("status")), rs.getLong("event_count"),
                rs.getBoolean("session_closed"), suppression, rs.getLong("created_at_ms"), rs.getLong("updated_at_ms"));
    }

    @Override
    public Optional<StoredThreat> get(String threatId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where t.threat_id = ?").bind(0, threatId)
                .map((rs, ctx) -> threat(rs)).findOne()
                .map(t -> t.withDocument(documents(h, List.of(threatId)).get(threatId))));
    }

    @Override
    public List<ThreatCount> countsOverTime(ThreatQuery query, long fromMillis, long toMillis, long bucketMillis) {
        if (bucketMillis <= 0 || toMillis <= fromMillis) {
            throw new IllegalArgumentException("need a positive bucket and from before to");
        }
        ThreatFilterSql filter = new ThreatFilterSql(query);
        filter.and("t.detection_ms >= ? and t.detection_ms < ?", List.of(fromMillis, toMillis));
        List<Object> arguments = new ArrayList<>();
        arguments.add(fromMillis);
        arguments.add(bucketMillis);
        arguments.addAll(filter.arguments());
        String sql = "select bucket, count(*) as n from (select (t.detection_ms - ?) / ? as bucket from threats t where "
                + filter.where() + ") b group by bucket";
        Map<Long, Long> counts = new java.util.HashMap<>();
        jdbi.useHandle(h -> bindAll(h.createQuery(sql), arguments)
                .map((rs, ctx) -> Map.entry(rs.getLong("bucket"), rs.getLong("n"))).forEach(e -> counts.put(e.getKey(), e.getValue())));
        List<ThreatCount> buckets = new ArrayList<>();
        long n = (toMillis - fromMillis + bucketMillis - 1) / bucketMillis;
        for (long i = 0; i < n; i++) {
            buckets.add(new ThreatCount(Long.toString(fromMillis + i * bucketMillis), null, counts.getOrDefault(i, 0L)));
        }
        return buckets;
    }

    @Override
    public List<ThreatCount> countsByTactic(ThreatQuery query) {
        ThreatFilterSql filter = new ThreatFilterSql(query);
        // one pass over the narrow rows, grouped by tactic set (a few hundred distinct), then split per tactic
        String sql = "select t.tactic_ids, count(*) as n from threats t where " + filter.where() + " group by t.tactic_ids";
        Map<String, Long> counts = new TreeMap<>();
        jdbi.useHandle(h -> bindAll(h.createQuery(sql), filter.arguments())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> {
                    for (String tactic : e.getKey().split(",")) {
                        if (!tactic.isEmpty()) {
                            counts.merge(tactic, e.getValue(), Long::sum);
                        }
                    }
                }));
        return counts.entrySet().stream().map(e -> new ThreatCount(e.getKey(), null, e.getValue())).toList();
    }

    @Override
    public List<ThreatCount> topAccounts(ThreatQuery query, int limit) {
        ThreatFilterSql filter = new ThreatFilterSql(query);
        List<Object> arguments = new ArrayList<>(filter.arguments());
        arguments.add(limit);
        // counted first, named after: the join then touches one row per account, not one per threat
        String sql = "select c.account_id, a.name, c.n from (select t.account_id, count(*) as n from threats t where "
                + filter.where() + " group by t.account_id) c left join accounts a on a.account_id = c.account_id"
                + " order by c.n desc, c.account_id limit ?";
        return jdbi.withHandle(h -> bindAll(h.createQuery(sql), arguments)
                .map((rs, ctx) -> new ThreatCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    @Override
    public boolean suppress(String threatId, String reason, String by, long nowMillis) {
        return jdbi.withHandle(h -> h.createUpdate("update threats set status = ?, suppression_reason = ?, suppressed_by = ?,"
                        + " suppressed_at_ms = ?, suppression_id = null, updated_at_ms = ? where threat_id = ? and status = ?")
                .bind(0, ThreatStatus.SUPPRESSED.label()).bind(1, reason).bind(2, by).bind(3, nowMillis)
                .bind(4, nowMillis).bind(5, threatId).bind(6, ThreatStatus.OPEN.label())
                .execute()) == 1;
    }

    @Override
    public boolean unsuppress(String threatId, long nowMillis) {
        return jdbi.withHandle(h -> h.createUpdate("update threats set status = ?, suppression_reason = null,"
                        + " suppressed_by = null, suppressed_at_ms = null, suppression_id = null, rule_exempt = true, updated_at_ms = ?"
                        + " where threat_id = ? and status = ?")
                .bind(0, ThreatStatus.OPEN.label()).bind(1, nowMillis).bind(2, threatId)
                .bind(3, ThreatStatus.SUPPRESSED.label())
                .execute()) == 1;
    }
}
