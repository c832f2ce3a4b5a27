package dev.trailhound.store.event;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static dev.trailhound.store.testing.ThreatFixtures.threat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.store.Database;
import dev.trailhound.store.DatabaseSettings;
import dev.trailhound.store.account.Account;
import dev.trailhound.store.account.JdbcAccountStore;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.store.testing.DatabaseKind;
import dev.trailhound.store.threat.JdbcThreatStore;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcEventStoreTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void stores_each_event_id_once_also_within_one_batch_and_across_batches(DatabaseKind kind) {
        try (Database db = kind.open("dedup")) {
            JdbcEventStore store = new JdbcEventStore(db);
            boolean[] first = store.storeNew(List.of(event("a", T0, "111122223333", "GetUser"),
                    event("b", T0, "111122223333", "GetUser"), event("a", T0, "111122223333", "GetUser")), T0);
            assertThat(first).containsExactly(true, true, false);
            boolean[] second = store.storeNew(List.of(event("b", T0, "111122223333", "GetUser"),
                    event("c", T0, "444455556666", "GetUser")), T0);
            assertThat(second).containsExactly(false, true);
            assertThat(store.count()).isEqualTo(3);
            assertThat(new JdbcAccountStore(db).list()).extracting(Account::accountId)
                    .containsExactly("111122223333", "444455556666");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void retention_deletes_events_received_before_the_cutoff_in_chunks_but_keeps_a_threats_session_events(DatabaseKind kind) {
        try (Database db = kind.open("retention")) {
            JdbcEventStore store = new JdbcEventStore(db);
            long day = 24 * 3_600_000L;
            // received 40 days ago: old1..old5 (old3 is a threat's); received today: fresh, though its event time is older
            store.storeNew(List.of(event("old1", T0, "111122223333", "GetUser"), event("old2", T0, "111122223333", "GetUser"),
                    event("old3", T0, "111122223333", "CreateAccessKey"), event("old4", T0, "111122223333", "GetUser"),
                    event("old5", T0, "111122223333", "GetUser")), T0);
            store.storeNew(List.of(event("fresh", T0 - 400 * day, "111122223333", "GetUser")), T0 + 40 * day);
            new JdbcThreatStore(db).upsert(threat("th-a", "111122223333", "alice", Severity.HIGH, 0, List.of("old3"), "T1098.001"),
                    1, false, T0);
            long cutoff = T0 + 10 * day;

            assertThat(store.deleteUnlinkedReceivedBefore(cutoff, 3)).as("a chunk is at most the limit").isEqualTo(3);
            assertThat(store.deleteUnlinkedReceivedBefore(cutoff, 3)).as("the rest, less than a chunk").isEqualTo(1);
            assertThat(store.deleteUnlinkedReceivedBefore(cutoff, 3)).isZero();

            assertThat(store.count()).isEqualTo(2);
            assertThat(store.inEventTimeOrder(Long.MIN_VALUE, "", 10)).extracting(EventRecord::eventId)
                    .containsExactly("fresh", "old3");
            assertThat(store.sessionEvents("th-a", 10, null).items()).extracting(EventRecord::eventId)
                    .as("the threat keeps its evidence").containsExactly("old3");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_threats_events_page_through_once_each_also_when_many_share_an_event_time(DatabaseKind kind) {
        try (Database db = kind.open("event-pages")) {
            JdbcEventStore store = new JdbcEventStore(db);
            List<EventRecord> records = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                String id = "e%02d".formatted(i);
                // three events a second: pages must break ties by event id
                records.add(event(id, T0 + (i / 3) * 1000L, "111122223333", "GetObject"));
                ids.add(id);
            }
            store.storeNew(records, T0);
            new JdbcThreatStore(db).upsert(threat("th-a", "111122223333", "alice", Severity.HIGH, 0, ids, "T1530"), ids.size(), false, T0);

            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                EventPage page = store.sessionEvents("th-a", 4, cursor);
                page.items().forEach(e -> seen.add(e.eventId()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(6);
            assertThat(seen).isEqualTo(ids);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void events_stored_as_text_before_raw_records_became_bytes_read_back_the_same(DatabaseKind kind) {
        DatabaseSettings settings = kind.settings("raw-upgrade");
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration", "classpath:db/" + (settings.isPostgres() ? "postgresql" : "h2"))
                .target("8").load().migrate();
        String raw = "{\"eventID\":\"old\",\"userAgent\":\"caf\u00e9 \u2603 \ud83d\ude80\"}";
        Jdbi.create(settings.url(), settings.user(), settings.password()).useHandle(h -> h.execute(
                "insert into events (event_id, event_ms, raw, received_at_ms) values ('old', ?, ?, ?)", T0, raw, T0));
        try (Database db = Database.open(settings)) {
            JdbcEventStore store = new JdbcEventStore(db);
            store.storeNew(List.of(event("new", T0 + 1, "111122223333", "GetUser")), T0);
            List<EventRecord> stored = store.inEventTimeOrder(Long.MIN_VALUE, "", 10);
            assertThat(stored).extracting(EventRecord::eventId).containsExactly("old", "new");
            assertThat(stored.get(0).rawText()).isEqualTo(raw);
            assertThat(stored.get(1).rawText()).contains("\"eventID\":\"new\"");
        }
    }
}
