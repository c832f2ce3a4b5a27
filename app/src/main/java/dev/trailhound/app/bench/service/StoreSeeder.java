package dev.trailhound.app.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.Database;
import dev.trailhound.store.threat.JdbcThreatStore;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills the store's own tables in bulk (JDBC batches, one transaction per few hundred threats) with threats, their
 * session events (each a real simulated CloudTrail record given a new id, time, account and principal) and the
 * links between them, as the service would have stored them. Threats are detected over the {@code days} before
 * {@code nowMillis}; a few are large (thousands of events), the rest have about the average.
 */
final class StoreSeeder {
    private static final int THREATS_PER_TRANSACTION = 250;
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final Database database;
    private final List<ObjectNode> templates;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream log;

    StoreSeeder(Database database, List<JsonNode> templates, PrintStream log) {
        this.database = database;
        this.templates = templates.stream().filter(JsonNode::isObject).map(t -> (ObjectNode) t).toList();
        if (this.templates.isEmpty()) {
            throw new IllegalArgumentException("no CloudTrail records to build events from");
        }
        this.log = log;
    }

    /** Seeds and returns how many events were written. */
    long seed(SeedPlan plan, long nowMillis) throws SQLException {
        SplittableRandom random = new SplittableRandom(plan.seed());
        SeedWorld world = new SeedWorld(plan.accounts(), plan.people(), random);
        insertAccounts(world);
        long events = 0;
        long started = System.nanoTime();
        for (int from = 0; from < plan.threats(); from += THREATS_PER_TRANSACTION) {
            int to = Math.min(plan.threats(), from + THREATS_PER_TRANSACTION);
            events += insertThreats(world, plan, from, to, nowMillis, random);
            if (to % 10_000 < THREATS_PER_TRANSACTION || to == plan.threats()) {
                log.printf(Locale.ROOT, "seeded %,d threats, %,d events (%.0f s)%n", to, events, (System.nanoTime() - started) / 1e9);
            }
        }
        return events;
    }

    private void insertAccounts(SeedWorld world) {
        database.jdbi().useHandle(h -> {
            var batch = h.prepareBatch("insert into accounts (account_id, name, first_seen_ms) values (?, ?, ?) on conflict do nothing");
            for (int i = 0; i < world.accounts().size(); i++) {
                batch.bind(0, world.accounts().get(i)).bind(1, (i % 3 == 0 ? "prod-" : i % 3 == 1 ? "dev-" : "shared-") + i).bind(2, 0L).add();
            }
            batch.execute();
        });
    }

    private long insertThreats(SeedWorld world, SeedPlan plan, int from, int to, long nowMillis, SplittableRandom random)
            throws SQLException {
        return database.jdbi().inTransaction(h -> insertThreats(h.getConnection(), world, plan, from, to, nowMillis, random));
    }

    private long insertThreats(Connection c, SeedWorld world, SeedPlan plan, int from, int to, long nowMillis,
                               SplittableRandom random) throws SQLException {
        try (PreparedStatement threats = c.prepareStatement("insert into threats (threat_id, session_id, account_id, user_name,"
                + " principal_arn, asset_type, asset_id, severity, severity_rank, detection_ms, first_event_ms, last_event_ms,"
                + " event_count, session_closed, status, suppression_reason, suppressed_by, suppressed_at_ms, tactic_ids,"
                + " technique_ids, created_at_ms, updated_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement documents = c.prepareStatement("insert into threat_documents (threat_id, document) values (?, ?)");
                PreparedStatement rules = c.prepareStatement("insert into threat_rules (rule_id, threat_id) values (?, ?)");
                PreparedStatement events = c.prepareStatement("insert into events (event_id, event_ms, account_id, event_source,"
                        + " event_name, event_type, region, source_ip, raw, received_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement links = c.prepareStatement("insert into threat_events (threat_id, event_id, event_ms) values (?, ?, ?)")) {
            long written = 0;
            for (int i = from; i < to; i++) {
                int eventCount = plan.eventsOf(i, random);
                long detection = nowMillis - random.nextLong(plan.days() * 24 * HOUR);
                long first = detection - random.nextLong(2 * HOUR);
                long last = Math.min(nowMillis, detection + random.nextLong(4 * HOUR));
                List<String> ids = new ArrayList<>(eventCount);
                long[] times = new long[eventCount];
                for (int e = 0; e < eventCount; e++) {
                    ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
                    times[e] = first + (last - first) * e / Math.max(1, eventCount - 1);
                }
                String threatId = String.format(Locale.ROOT, "th-%016x", random.nextLong());
                Threat t = world.threat(threatId, detection, first, last, ids, random);
                addThreat(threats, t, eventCount, nowMillis, random);
                documents.setString(1, threatId);
                documents.setString(2, ThreatJsonWriter.document(t, account -> null));
                documents.addBatch();
                for (String rule : t.detections().stream().map(d -> d.ruleId()).distinct().toList()) {
                    rules.setString(1, rule);
                    rules.setString(2, threatId);
                    rules.addBatch();
                }
                for (int e = 0; e < eventCount; e++) {
                    addEvent(events, t, ids.get(e), times[e], random);
                    links.setString(1, threatId);
                    links.setString(2, ids.get(e));
                    links.setLong(3, times[e]);
                    links.addBatch();
                    if (++written % 2_000 == 0) {
                        events.executeBatch();
                        links.executeBatch();
                    }
                }
            }
            threats.executeBatch();
            documents.executeBatch();
            rules.executeBatch();
            events.executeBatch();
            links.executeBatch();
            return written;
        }
    }

    private static void addThreat(PreparedStatement s, Threat t, int eventCount, long nowMillis, SplittableRandom random)
            throws SQLException {
        boolean suppressed = random.nextInt(10) == 0;
        s.setString(1, t.threatId());
        s.setString(2, t.sessionId());
        s.setString(3, t.accountId());
        s.setString(4, t.user());
        s.setString(5, t.principalArn());
        s.setString(6, t.assetType());
        s.setString(7, t.assetId());
        s.setString(8, t.severity().label());
        s.setInt(9, t.severity().ordinal());
        s.setLong(10, t.detectionMillis());
        s.setLong(11, t.firstEventMillis());
        s.setLong(12, t.lastEventMillis());
        s.setLong(13, eventCount);
        s.setBoolean(14, t.lastEventMillis() < nowMillis - 13 * HOUR);
        s.setString(15, suppressed ? "suppressed" : "open");
        s.setString(16, suppressed ? "known red-team exercise" : null);
        s.setString(17, suppressed ? "admin" : null);
        if (suppressed) {
            s.setLong(18, t.lastEventMillis());
        } else {
            s.setNull(18, java.sql.Types.BIGINT);
        }
        s.setString(19, JdbcThreatStore.tacticIds(t));
        s.setString(20, JdbcThreatStore.techniqueIds(t));
        s.setLong(21, t.detectionMillis());
        s.setLong(22, t.lastEventMillis());
        s.addBatch();
    }

    /** A real simulated record made this threat's: new id and time, the threat's account and principal. */
    private void addEvent(PreparedStatement s, Threat t, String eventId, long millis, SplittableRandom random) throws SQLException {
        ObjectNode record = templates.get(random.nextInt(templates.size()));
        record.put("eventID", eventId);
        record.put("eventTime", Instant.ofEpochMilli(millis - millis % 1000).toString());
        record.put("recipientAccountId", t.accountId());
        JsonNode identity = record.path("userIdentity");
        if (identity instanceof ObjectNode id) {
            id.put("accountId", t.accountId());
            id.put("arn", t.principalArn());
        }
        byte[] raw;
        try {
            raw = mapper.writeValueAsBytes(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a record tree is always writable", e);
        }
        s.setString(1, eventId);
        s.setLong(2, millis);
        s.setString(3, t.accountId());
        s.setString(4, record.path("eventSource").asText(null));
        s.setString(5, record.path("eventName").asText(null));
        s.setString(6, record.path("eventType").asText(null));
        s.setString(7, record.path("awsRegion").asText(null));
        s.setString(8, record.path("sourceIPAddress").asText(null));
        s.setBytes(9, raw);
        s.setLong(10, millis);
        s.addBatch();
    }
}
