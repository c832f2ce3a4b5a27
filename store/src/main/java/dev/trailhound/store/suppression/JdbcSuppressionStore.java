package dev.trailhound.store.suppression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.store.Database;
import dev.trailhound.store.threat.StatusFilter;
import dev.trailhound.store.threat.ThreatFilterSql;
import dev.trailhound.store.threat.ThreatQuery;
import dev.trailhound.store.threat.ThreatStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Suppression rules over JDBC, and their effect on threats: a rule suppresses the open threats it covers when it is
 * saved and each new or grown threat it covers later; a threat that grows out of its rule's scope reopens; a rule
 * that ends (expiry or deletion) reopens the threats it suppressed. A threat an analyst reopened by hand is exempt.
 *
 * <p>Saving, ending and applying rules are serialised in this process, so a threat stored while a rule is being saved
 * is either covered by the save or by its own check.
 */
public final class JdbcSuppressionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "select suppression_id, scope_type, scope_value, scope_filter, reason, owner,"
            + " created_by, created_at_ms, expires_at_ms, ended_at_ms, ended_by, hits, last_hit_ms from suppressions";
    private static final String ACTIVE = " where ended_at_ms is null and (expires_at_ms is null or expires_at_ms > ?)";

    private final Jdbi jdbi;
    private final Object lock = new Object();

    /** A saved rule and how many existing threats it suppressed at once. */
    public record Created(Suppression suppression, int suppressed) {}

    public JdbcSuppressionStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The open threats the scope covers now (a threat an analyst reopened by hand is not among them). */
    public SuppressionPreview preview(SuppressionScope scope, int limit) {
        ThreatFilterSql sql = openAndCovered(scope);
        return jdbi.withHandle(h -> {
            long matches = bind(h.createQuery("select count(*) from threats t where " + sql.where()), sql.arguments())
                    .mapTo(Long.class).one();
            List<Object> arguments = new ArrayList<>(sql.arguments());
            arguments.add(limit);
            List<String> ids = bind(h.createQuery("select t.threat_id from threats t where " + sql.where()
                    + " order by t.detection_ms desc, t.threat_id desc limit ?"), arguments).mapTo(String.class).list();
            return new SuppressionPreview(matches, ids);
        });
    }

    /** Saves a rule and suppresses the open threats it covers. */
    public Created create(NewSuppression rule, long nowMillis) {
        String id = UUID.randomUUID().toString();
        synchronized (lock) {
            int suppressed = jdbi.inTransaction(h -> {
                h.createUpdate("insert into suppressions (suppression_id, scope_type, scope_value, scope_filter, reason, owner,"
                                + " created_by, created_at_ms, expires_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, id).bind(1, rule.scope().type().label()).bind(2, rule.scope().value())
                        .bind(3, filterJson(rule.scope().filter())).bind(4, rule.reason()).bind(5, rule.owner())
                        .bind(6, rule.createdBy()).bind(7, nowMillis).bind(8, rule.expiresAtMillis())
                        .execute();
                ThreatFilterSql sql = openAndCovered(rule.scope());
                int n = suppressWhere(h, sql, id, rule.reason(), rule.owner(), nowMillis);
                countHits(h, id, n, nowMillis);
                return n;
            });
            return new Created(get(id).orElseThrow(), suppressed);
        }
    }

    /** Every rule, newest first. */
    public List<Suppression> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " order by created_at_ms desc, suppression_id")
                .map((rs, ctx) -> suppression(rs)).list());
    }

    public Optional<Suppression> get(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where suppression_id = ?").bind(0, id)
                .map((rs, ctx) -> suppression(rs)).findOne());
    }

    /** Ends a rule now and reopens its threats; empty when there is no such rule or it has ended already. */
    public Optional<EndedSuppression> delete(String id, String by, long nowMillis) {
        synchronized (lock) {
            Optional<Suppression> rule = get(id);
            if (rule.isEmpty() || rule.get().endedAtMillis() != null) {
                return Optional.empty();
            }
            return Optional.of(end(rule.get(), by, nowMillis));
        }
    }

    /** Ends the rules whose expiry has come, reopening their threats; returns them. */
    public List<EndedSuppression> expire(long nowMillis) {
        synchronized (lock) {
            List<Suppression> due = jdbi.withHandle(h -> h.createQuery(SELECT + " where ended_at_ms is null and expires_at_ms <= ?")
                    .bind(0, nowMillis).map((rs, ctx) -> suppression(rs)).list());
            List<EndedSuppression> ended = new ArrayList<>();
            for (Suppression rule : due) {
                ended.add(end(rule, Suppression.EXPIRY, rule.expiresAtMillis()));
            }
            return ended;
        }
    }

    private EndedSuppression end(Suppression rule, String by, long atMillis) {
        int reopened = jdbi.inTransaction(h -> {
            h.createUpdate("update suppressions set ended_at_ms = ?, ended_by = ? where suppression_id = ?")
                    .bind(0, atMillis).bind(1, by).bind(2, rule.id()).execute();
            return h.createUpdate("update threats set status = ?, suppression_reason = null, suppressed_by = null,"
                            + " suppressed_at_ms = null, suppression_id = null, updated_at_ms = ? where suppression_id = ? and status = ?")
                    .bind(0, ThreatStatus.OPEN.label()).bind(1, atMillis).bind(2, rule.id())
                    .bind(3, ThreatStatus.SUPPRESSED.label()).execute();
        });
        return new EndedSuppression(get(rule.id()).orElseThrow(), reopened);
    }

    /**
     * Applies the rules to a threat just stored (new or grown): an open threat that an active rule covers is
     * suppressed by the oldest such rule; a threat its rule no longer covers (it grew out of the scope, or the rule
     * expired) reopens first. Returns the rule that suppressed it just now, if one did.
     */
    public Optional<Suppression> applyTo(String threatId, long nowMillis) {
        synchronized (lock) {
            return jdbi.inTransaction(h -> {
                Optional<Map<String, Object>> row = h.createQuery("select status, suppression_id, rule_exempt from threats"
                        + " where threat_id = ?").bind(0, threatId).mapToMap().findOne();
                if (row.isEmpty() || Boolean.TRUE.equals(row.get().get("rule_exempt"))) {
                    return Optional.<Suppression>empty();
                }
                String status = (String) row.get().get("status");
                String current = (String) row.get().get("suppression_id");
                List<Suppression> active = h.createQuery(SELECT + ACTIVE + " order by created_at_ms, suppression_id")
                        .bind(0, nowMillis).map((rs, ctx) -> suppression(rs)).list();
                if (ThreatStatus.SUPPRESSED.label().equals(status)) {
                    if (current == null) {
                        return Optional.<Suppression>empty();   // an analyst's own suppression
                    }
                    Optional<Suppression> own = active.stream().filter(r -> r.id().equals(current)).findFirst();
                    if (own.isPresent() && covers(h, own.get().scope(), threatId)) {
                        return Optional.<Suppression>empty();
                    }
                    h.createUpdate("update threats set status = ?, suppression_reason = null, suppressed_by = null,"
                                    + " suppressed_at_ms = null, suppression_id = null, updated_at_ms = ? where threat_id = ?")
                            .bind(0, ThreatStatus.OPEN.label()).bind(1, nowMillis).bind(2, threatId).execute();
                }
                for (Suppression rule : active) {
                    if (covers(h, rule.scope(), threatId)) {
                        ThreatFilterSql one = new ThreatFilterSql(ThreatQuery.open());
                        one.and("t.threat_id = ?", List.of(threatId));
                        suppressWhere(h, one, rule.id(), rule.reason(), rule.owner(), nowMillis);
                        countHits(h, rule.id(), 1, nowMillis);
                        return Optional.of(rule);
                    }
                }
                return Optional.<Suppression>empty();
            });
        }
    }

    private static boolean covers(Handle h, SuppressionScope scope, String threatId) {
        ThreatFilterSql sql = scope.condition();
        sql.and("t.threat_id = ?", List.of(threatId));
        return bind(h.createQuery("select count(*) from threats t where " + sql.where()), sql.arguments())
                .mapTo(Long.class).one() > 0;
    }

    private static ThreatFilterSql openAndCovered(SuppressionScope scope) {
        ThreatFilterSql sql = scope.condition();
        sql.and("t.status = ? and t.rule_exempt = false", List.of(ThreatStatus.OPEN.label()));
        return sql;
    }

    private static int suppressWhere(Handle h, ThreatFilterSql sql, String id, String reason, String by, long nowMillis) {
        List<Object> arguments = new ArrayList<>(List.of(ThreatStatus.SUPPRESSED.label(), reason, by, nowMillis, id, nowMillis));
        arguments.addAll(sql.arguments());
        // the filter reads "t."; a correlated form keeps one statement valid on both H2 and PostgreSQL
        return bind(h.createUpdate("update threats set status = ?, suppression_reason = ?, suppressed_by = ?,"
                + " suppressed_at_ms = ?, suppression_id = ?, updated_at_ms = ? where threat_id in"
                + " (select t.threat_id from threats t where " + sql.where() + ")"), arguments).execute();
    }

    private static void countHits(Handle h, String id, int n, long nowMillis) {
        if (n > 0) {
            h.createUpdate("update suppressions set hits = hits + ?, last_hit_ms = ? where suppression_id = ?")
                    .bind(0, n).bind(1, nowMillis).bind(2, id).execute();
        }
    }

    private static <S extends SqlStatement<S>> S bind(S statement, List<Object> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            statement.bind(i, arguments.get(i));
        }
        return statement;
    }

    private static Suppression suppression(ResultSet rs) throws SQLException {
        String typeText = rs.getString("scope_type");
        ScopeType type = ScopeType.parse(typeText)
                .orElseThrow(() -> new IllegalStateException("unknown scope type in the database: " + typeText));
        SuppressionScope scope = type == ScopeType.FILTER ? SuppressionScope.filter(filter(rs.getString("scope_filter")))
                : SuppressionScope.of(type, rs.getString("scope_value"));
        return new Suppression(rs.getString("suppression_id"), scope, rs.getString("reason"), rs.getString("owner"),
                rs.getString("created_by"), rs.getLong("created_at_ms"), nullable(rs, "expires_at_ms"),
                nullable(rs, "ended_at_ms"), rs.getString("ended_by"), rs.getLong("hits"), nullable(rs, "last_hit_ms"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String filterJson(ThreatQuery filter) {
        if (filter == null) {
            return null;
        }
        ObjectNode json = JSON.createObjectNode();
        put(json, "tactic", filter.tactics());
        put(json, "technique", filter.techniques());
        put(json, "assetType", filter.assetTypes());
        put(json, "account", filter.accounts());
        put(json, "user", filter.users());
        put(json, "severity", filter.severities());
        return json.toString();
    }

    private static void put(ObjectNode json, String name, List<String> values) {
        if (!values.isEmpty()) {
            values.forEach(json.putArray(name)::add);
        }
    }

    private static ThreatQuery filter(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            return new ThreatQuery(strings(json, "tactic"), strings(json, "technique"), strings(json, "assetType"),
                    strings(json, "account"), strings(json, "user"), strings(json, "severity"), StatusFilter.ALL, null, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored suppression filter is not JSON: " + text, e);
        }
    }

    private static List<String> strings(JsonNode json, String name) {
        List<String> values = new ArrayList<>();
        json.path(name).forEach(v -> values.add(v.asText()));
        return values;
    }
}
