package dev.trailhound.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void agrees_with_a_hash_set_through_adds_and_removals_in_arrival_order() {
        Random random = new Random(42);
        IdSet ids = new IdSet();
        Set<String> expected = new HashSet<>();
        ArrayDeque<String> arrival = new ArrayDeque<>();
        for (int step = 0; step < 200_000; step++) {
            // a small id space, so that ids repeat and runs of colliding slots form and are closed again
            String id = "id-" + random.nextInt(5_000);
            boolean added = ids.add(id, IdSet.hash(id));
            assertThat(added).isEqualTo(expected.add(id));
            if (added) {
                arrival.add(id);
            }
            while (arrival.size() > 1 + random.nextInt(3_000)) {
                String oldest = arrival.poll();
                ids.remove(oldest, IdSet.hash(oldest));
                expected.remove(oldest);
            }
            assertThat(ids.size()).isEqualTo(expected.size());
        }
        for (int i = 0; i < 5_000; i++) {
            String id = "id-" + i;
            assertThat(ids.add(id, IdSet.hash(id))).as(id).isEqualTo(!expected.contains(id));
        }
    }

    @Test
    void removing_an_absent_id_changes_nothing() {
        IdSet ids = new IdSet();
        ids.add("a", IdSet.hash("a"));
        ids.remove("b", IdSet.hash("b"));

        assertThat(ids.size()).isEqualTo(1);
        assertThat(ids.add("a", IdSet.hash("a"))).isFalse();
    }
}
