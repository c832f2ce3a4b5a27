package dev.trailhound.store.threat;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static dev.trailhound.store.testing.ThreatFixtures.threat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.detect.Severity;
import dev.trailhound.store.Database;
import dev.trailhound.store.account.JdbcAccountStore;
import dev.trailhound.store.event.JdbcEventStore;
import dev.trailhound.store.testing.DatabaseKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThreatOverviewTest {
    private static final long HOUR = 3_600_000L;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void counts_threats_per_hour_per_tactic_and_per_account_under_the_same_filters(DatabaseKind kind) {
        try (Database db = kind.open("overview")) {
            JdbcThreatStore store = new JdbcThreatStore(db);
            new JdbcEventStore(db).storeNew(List.of(event("e1", T0, "111122223333", "GetUser")), T0);
            new JdbcAccountStore(db).name("111122223333", "production", T0);
            // minutes after T0: 0, 30 and 90 in one account, 150 in another
            store.upsert(threat("th-1", "111122223333", "alice", Severity.HIGH, 0, List.of("e1"), "T1098.001"), 1, false, T0);
            store.upsert(threat("th-2", "111122223333", "alice", Severity.LOW, 30, List.of("e1"), "T1580"), 1, false, T0);
            store.upsert(threat("th-3", "111122223333", "bob", Severity.HIGH, 90, List.of("e1"), "T1580", "T1098.001"), 1, false, T0);
            store.upsert(threat("th-4", "444455556666", "carol", Severity.HIGH, 150, List.of("e1"), "T1562.008"), 1, false, T0);

            List<ThreatCount> hourly = store.countsOverTime(ThreatQuery.open(), T0, T0 + 4 * HOUR, HOUR);
            assertThat(hourly).extracting(ThreatCount::count).containsExactly(2L, 1L, 1L, 0L);
            assertThat(hourly.get(1).key()).isEqualTo(Long.toString(T0 + HOUR));
            assertThat(store.countsOverTime(ThreatQuery.open().withSeverities(List.of("high")), T0, T0 + 4 * HOUR, HOUR))
                    .extracting(ThreatCount::count).containsExactly(1L, 1L, 1L, 0L);

            assertThat(store.countsByTactic(ThreatQuery.open())).extracting(ThreatCount::key, ThreatCount::count)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TA0003", 2L),
                            org.assertj.core.groups.Tuple.tuple("TA0007", 2L), org.assertj.core.groups.Tuple.tuple("TA0112", 1L));
            assertThat(store.countsByTactic(ThreatQuery.open().withUsers(List.of("bob")))).extracting(ThreatCount::key)
                    .containsExactlyInAnyOrder("TA0003", "TA0007");

            List<ThreatCount> top = store.topAccounts(ThreatQuery.open(), 10);
            assertThat(top).extracting(ThreatCount::key, ThreatCount::name, ThreatCount::count).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("111122223333", "production", 3L),
                    org.assertj.core.groups.Tuple.tuple("444455556666", null, 1L));
            assertThat(store.topAccounts(ThreatQuery.open().withTactics(List.of("TA0112")), 10)).extracting(ThreatCount::key)
                    .containsExactly("444455556666");
        }
    }
}
