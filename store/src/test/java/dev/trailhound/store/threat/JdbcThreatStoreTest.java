package dev.trailhound.store.threat;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static dev.trailhound.store.testing.ThreatFixtures.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.store.Database;
import dev.trailhound.store.DatabaseSettings;
import dev.trailhound.store.account.JdbcAccountStore;
import dev.trailhound.store.event.EventPage;
import dev.trailhound.store.event.EventRecord;
import dev.trailhound.store.event.JdbcEventStore;
import dev.trailhound.store.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcThreatStoreTest {

    private static List<String> ids(ThreatPage page) {
        return page.items().stream().map(StoredThreat::threatId).toList();
    }

    private static void storeEvents(JdbcEventStore events, String account, String... ids) {
        List<EventRecord> records = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            records.add(event(ids[i], T0 + i * 1000L, account, "CreateAccessKey"));
        }
        events.storeNew(records, T0);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void filters_by_tactic_technique_account_user_severity_and_time_each_matching_any_of_its_values(DatabaseKind kind) {
        try (Database db = kind.open("filters")) {
            JdbcThreatStore store = new JdbcThreatStore(db);
            JdbcEventStore events = new JdbcEventStore(db);
            storeEvents(events, "111122223333", "e1", "e2", "e3");
            store.upsert(threat("th-a", "111122223333", "alice", Severity.HIGH, 0, List.of("e1"), "T1098.001"), 1, false, T0);
            store.upsert(threat("th-b", "111122223333", "bob", Severity.LOW, 10, List.of("e2"), "T1580"), 1, false, T0);
            store.upsert(threat("th-c", "444455556666", "alice", Severity.CRITICAL, 20, List.of("e3"), "T1562.008"), 1, false, T0);

            ThreatQuery all = ThreatQuery.open();
            assertThat(ids(store.list(all, ThreatSort.NEWEST, 10, null))).containsExactly("th-c", "th-b", "th-a");
            assertThat(ids(store.list(all.withUsers(List.of("alice")), ThreatSort.NEWEST, 10, null))).containsExactly("th-c", "th-a");
            assertThat(ids(store.list(all.withAccounts(List.of("444455556666", "999999999999")), ThreatSort.NEWEST, 10, null)))
                    .containsExactly("th-c");
            assertThat(ids(store.list(all.withTactics(List.of("TA0007")), ThreatSort.NEWEST, 10, null))).containsExactly("th-b");
            // a technique matches its sub-techniques; several values match any
            assertThat(ids(store.list(all.withTechniques(List.of("T1098", "T1580")), ThreatSort.NEWEST, 10, null)))
                    .containsExactly("th-b", "th-a");
            assertThat(ids(store.list(all.withSeverities(List.of("HIGH", "critical")), ThreatSort.NEWEST, 10, null)))
                    .containsExactly("th-c", "th-a");
            assertThat(ids(store.list(all.between(T0 + 5 * 60_000L, T0 + 20 * 60_000L), ThreatSort.NEWEST, 10, null)))
                    .containsExactly("th-b");
            assertThat(ids(store.list(all.withUsers(List.of("alice")).withSeverities(List.of("low")), ThreatSort.NEWEST, 10, null)))
                    .isEmpty();
            assertThat(ids(store.list(all, ThreatSort.MOST_SEVERE, 10, null))).containsExactly("th-c", "th-a", "th-b");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pages_through_every_threat_once_with_cursors_in_each_sort(DatabaseKind kind) {
        try (Database db = kind.open("pages")) {
            JdbcThreatStore store = new JdbcThreatStore(db);
            JdbcEventStore events = new JdbcEventStore(db);
            storeEvents(events, "111122223333", "e0");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                // pairs share a detection time, so the threat id has to break ties
                Severity severity = Severity.values()[i % 4];
                store.upsert(threat("th-%02d".formatted(i), "111122223333", "u" + i, severity, i / 2, List.of("e0"), "T1580"),
                        1, false, T0);
                expected.add("th-%02d".formatted(i));
            }
            for (ThreatSort sort : ThreatSort.values()) {
                List<String> seen = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    ThreatPage page = store.list(ThreatQuery.open(), sort, 5, cursor);
                    seen.addAll(ids(page));
                    cursor = page.nextCursor();
                    pages++;
                } while (cursor != null);
                assertThat(pages).as(sort.parameter()).isEqualTo(5);
                assertThat(seen).as(sort.parameter()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
                assertThat(seen).as(sort.parameter()).isEqualTo(ids(store.list(ThreatQuery.open(), sort, 100, null)));
            }
            String cursorOfNewest = store.list(ThreatQuery.open(), ThreatSort.NEWEST, 5, null).nextCursor();
            assertThatThrownBy(() -> store.list(ThreatQuery.open(), ThreatSort.MOST_SEVERE, 5, cursorOfNewest))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same sort");
            assertThatThrownBy(() -> store.list(ThreatQuery.open(), ThreatSort.NEWEST, 5, "%%%"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nextCursor");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_upsert_grows_a_threat_and_keeps_its_suppression(DatabaseKind kind) {
        try (Database db = kind.open("upsert")) {
            JdbcThreatStore store = new JdbcThreatStore(db);
            JdbcEventStore events = new JdbcEventStore(db);
            new JdbcAccountStore(db).name("111122223333", "production", T0);
            storeEvents(events, "111122223333", "e1", "e2", "e3");
            store.upsert(threat("th-a", "111122223333", "alice", Severity.MEDIUM, 0, List.of("e1"), "T1580"), 1, false, T0);
            assertThat(store.suppress("th-a", "pen test", "ana", T0 + 1)).isTrue();
            assertThat(store.suppress("th-a", "again", "ana", T0 + 2)).isFalse();

            Threat grown = threat("th-a", "111122223333", "alice", Severity.HIGH, 0, List.of("e1", "e2", "e3"), "T1580", "T1098.001");
            store.upsert(grown, 3, true, T0 + 3);

            StoredThreat stored = store.get("th-a").orElseThrow();
            assertThat(stored.status()).isEqualTo(ThreatStatus.SUPPRESSED);
            assertThat(stored.suppression().reason()).isEqualTo("pen test");
            assertThat(stored.suppression().by()).isEqualTo("ana");
            assertThat(stored.accountName()).isEqualTo("production");
            assertThat(stored.eventCount()).isEqualTo(3);
            assertThat(stored.sessionClosed()).isTrue();
            assertThat(stored.document()).contains("\"severity\":\"high\"").contains("T1098.001");
            assertThat(ids(store.list(ThreatQuery.open(), ThreatSort.NEWEST, 10, null))).isEmpty();
            assertThat(ids(store.list(ThreatQuery.open().withStatus(StatusFilter.SUPPRESSED), ThreatSort.NEWEST, 10, null)))
                    .containsExactly("th-a");
            assertThat(ids(store.list(ThreatQuery.open().withTechniques(List.of("T1098")).withStatus(StatusFilter.ALL),
                    ThreatSort.NEWEST, 10, null))).containsExactly("th-a");

            EventPage page = events.sessionEvents("th-a", 2, null);
            assertThat(page.items()).extracting(EventRecord::eventId).containsExactly("e1", "e2");
            assertThat(events.sessionEvents("th-a", 2, page.nextCursor()).items()).extracting(EventRecord::eventId)
                    .containsExactly("e3");

            assertThat(store.unsuppress("th-a", T0 + 4)).isTrue();
            assertThat(store.get("th-a").orElseThrow().suppression()).isNull();
            assertThat(ids(store.list(ThreatQuery.open(), ThreatSort.NEWEST, 10, null))).containsExactly("th-a");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_threat_merged_away_is_removed_with_its_tags_and_event_links(DatabaseKind kind) {
        try (Database db = kind.open("remove")) {
            JdbcThreatStore store = new JdbcThreatStore(db);
            JdbcEventStore events = new JdbcEventStore(db);
            storeEvents(events, "111122223333", "e1");
            store.upsert(threat("th-a", "111122223333", "alice", Severity.MEDIUM, 0, List.of("e1"), "T1580"), 1, false, T0);
            store.remove("th-a");
            assertThat(store.get("th-a")).isEmpty();
            assertThat(events.sessionEvents("th-a", 10, null).items()).isEmpty();
            assertThat(ids(store.list(ThreatQuery.open().withTactics(List.of("TA0007")), ThreatSort.NEWEST, 10, null))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void threats_stored_before_documents_moved_to_their_own_table_keep_their_document_and_tactics(DatabaseKind kind) {
        DatabaseSettings settings = kind.settings("narrow-upgrade");
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("6").load().migrate();
        Jdbi.create(settings.url(), settings.user(), settings.password()).useHandle(h -> {
            for (String id : List.of("th-old", "th-bare")) {
                h.execute("insert into threats (threat_id, session_id, account_id, severity, severity_rank, detection_ms,"
                        + " first_event_ms, last_event_ms, event_count, session_closed, status, document, created_at_ms,"
                        + " updated_at_ms) values (?, 's', '111122223333', 'high', 2, ?, ?, ?, 1, false, 'open', ?, 1, 1)",
                        id, T0, T0, T0, "{\"threatId\":\"" + id + "\"}");
            }
            h.execute("insert into threat_tactics (tactic_id, threat_id) values ('TA0006', 'th-old'), ('TA0003', 'th-old')");
            h.execute("insert into threat_techniques (technique_id, threat_id) values ('T1098.001', 'th-old'), ('T1580', 'th-bare')");
        });
        try (Database db = Database.open(settings)) {
            JdbcThreatStore store = new JdbcThreatStore(db);
            assertThat(store.get("th-old")).hasValueSatisfying(t -> assertThat(t.document()).isEqualTo("{\"threatId\":\"th-old\"}"));
            assertThat(ids(store.list(ThreatQuery.open().withTactics(List.of("TA0003")), ThreatSort.NEWEST, 10, null)))
                    .containsExactly("th-old");
            assertThat(ids(store.list(ThreatQuery.open().withTechniques(List.of("T1098")), ThreatSort.NEWEST, 10, null)))
                    .as("a technique finds its sub-techniques").containsExactly("th-old");
            assertThat(ids(store.list(ThreatQuery.open().withTechniques(List.of("T1580")), ThreatSort.NEWEST, 10, null)))
                    .containsExactly("th-bare");
            assertThat(store.countsByTactic(ThreatQuery.open())).extracting(ThreatCount::key, ThreatCount::count)
                    .containsExactly(tuple("TA0003", 1L), tuple("TA0006", 1L));
            assertThat(store.list(ThreatQuery.open(), ThreatSort.NEWEST, 10, null).items())
                    .extracting(StoredThreat::document).as("each page row has its document")
                    .containsExactlyInAnyOrder("{\"threatId\":\"th-old\"}", "{\"threatId\":\"th-bare\"}");
        }
    }
}
