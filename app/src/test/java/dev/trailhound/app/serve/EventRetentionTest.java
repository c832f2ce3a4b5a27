package dev.trailhound.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.trailhound.store.Database;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.JdbcAuditLog;
import dev.trailhound.store.event.EventRecord;
import dev.trailhound.store.event.JdbcEventStore;
import dev.trailhound.store.testing.DatabaseKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static EventRecord event(String id, long receivedMillis) {
        return new EventRecord(id, receivedMillis - 3_600_000, "111122223333", "iam.amazonaws.com", "GetUser", "AwsApiCall",
                "us-east-1", "203.0.113.9", ("{\"eventID\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deletes_every_event_stored_before_the_retention_in_chunks_and_audits_the_run() {
        try (Database db = DatabaseKind.H2.open("retention-run")) {
            JdbcEventStore events = new JdbcEventStore(db);
            JdbcAuditLog audit = new JdbcAuditLog(db);
            long old = NOW.minus(Duration.ofDays(31)).toEpochMilli();
            List<EventRecord> stale = new ArrayList<>();
            for (int i = 0; i < EventRetention.CHUNK * 2 + 7; i++) {
                stale.add(event("old-" + i, old));
            }
            events.storeNew(stale, old);
            events.storeNew(List.of(event("recent", NOW.toEpochMilli())), NOW.minus(Duration.ofDays(29)).toEpochMilli());

            EventRetention retention = new EventRetention(events, audit, InstantSource.fixed(NOW), Duration.ofDays(30));
            assertThat(retention.runOnce()).as("more than one chunk, all of it in one run").isEqualTo(stale.size());
            assertThat(events.count()).isEqualTo(1);
            assertThat(audit.latest(5)).extracting(AuditEntry::actor, AuditEntry::action)
                    .containsExactly(tuple("system", "events.expire"));
            assertThat(audit.latest(5).get(0).detail()).startsWith(stale.size() + " events stored more than 30 days ago");

            assertThat(retention.runOnce()).as("nothing left to delete, nothing audited").isZero();
            assertThat(audit.latest(5)).hasSize(1);
        }
    }

    @Test
    void a_retention_must_be_positive() {
        try (Database db = DatabaseKind.H2.open("retention-zero")) {
            assertThatThrownBy(() -> new EventRetention(new JdbcEventStore(db), new JdbcAuditLog(db), InstantSource.system(), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        }
    }
}
