package dev.trailhound.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
    private static final long MINUTE = 60_000;

    @Test
    void recognises_a_repeated_event_id_within_the_window() {
        Deduplicator d = new Deduplicator(Duration.ofHours(2), 1000);

        assertThat(d.firstSeen("e-1", 0)).isTrue();
        assertThat(d.firstSeen("e-2", 5 * MINUTE)).isTrue();
        assertThat(d.firstSeen("e-1", 0)).isFalse();
    }

    @Test
    void forgets_ids_older_than_the_window_so_memory_stays_flat() {
        Deduplicator d = new Deduplicator(Duration.ofMinutes(30), 1000);
        for (int i = 0; i < 500; i++) {
            d.firstSeen("e-" + i, i * MINUTE);
        }

        assertThat(d.remembered()).isBetween(30, 32);
        assertThat(d.firstSeen("e-499", 499 * MINUTE)).isFalse();
        assertThat(d.firstSeen("e-0", 0)).as("beyond the window: processed again").isTrue();
    }

    @Test
    void an_id_repeated_after_the_window_with_nothing_between_counts_as_new() {
        Deduplicator d = new Deduplicator(java.time.Duration.ofHours(2), 100);
        long hour = 3_600_000L;
        assertThat(d.firstSeen("1", 0)).isTrue();
        assertThat(d.firstSeen("1", hour)).isFalse();
        assertThat(d.firstSeen("1", 3 * hour)).isTrue();
        assertThat(d.firstSeen("1", 3 * hour + 1)).isFalse();
    }

    @Test
    void keeps_at_most_the_configured_number_of_ids() {
        Deduplicator d = new Deduplicator(Duration.ofDays(1), 100);
        for (int i = 0; i < 1000; i++) {
            d.firstSeen("e-" + i, i);
        }

        assertThat(d.remembered()).isEqualTo(100);
    }
}
