package dev.trailhound.store.event;

import static dev.trailhound.store.testing.ThreatFixtures.T0;
import static dev.trailhound.store.testing.ThreatFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.store.Database;
import dev.trailhound.store.account.Account;
import dev.trailhound.store.account.JdbcAccountStore;
import dev.trailhound.store.testing.DatabaseKind;
import java.util.List;
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
}
