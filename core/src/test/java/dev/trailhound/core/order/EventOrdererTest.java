package dev.trailhound.core.order;

import static dev.trailhound.core.pipeline.TestEvents.at;
import static dev.trailhound.core.pipeline.TestEvents.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventOrdererTest {
    private final List<String> out = new ArrayList<>();
    private final EventOrderer orderer = new EventOrderer(Duration.ofMinutes(15), e -> out.add(e.eventId()));

    private void offer(double minutes, String id) {
        orderer.offer(at(minutes, id, "ListUsers", user("alice", "AKIAEXAMPLE")));
    }

    @Test
    void releases_events_in_time_order_when_disorder_is_within_the_tolerance() {
        offer(10, "b");
        offer(0, "a");
        offer(20, "c");
        offer(14, "bb");
        offer(40, "d");
        orderer.flush();

        assertThat(out).containsExactly("a", "b", "bb", "c", "d");
        assertThat(orderer.lateEvents()).isZero();
    }

    @Test
    void holds_events_until_the_newest_time_is_a_tolerance_past_them() {
        offer(0, "a");
        offer(14, "b");
        assertThat(out).isEmpty();
        offer(15, "c");
        assertThat(out).containsExactly("a");
    }

    @Test
    void passes_on_events_beyond_the_tolerance_at_once_and_counts_them_late() {
        offer(0, "a");
        offer(30, "c");
        offer(60, "b");
        offer(5, "too-late");
        orderer.flush();

        assertThat(out).containsExactly("a", "c", "too-late", "b");
        assertThat(orderer.lateEvents()).isEqualTo(1);
    }

    @Test
    void an_event_behind_the_watermark_still_goes_in_order_while_nothing_later_has_left() {
        offer(0, "a");
        offer(60, "b");
        offer(5, "c");
        orderer.flush();

        assertThat(out).containsExactly("a", "c", "b");
        assertThat(orderer.lateEvents()).isZero();
    }

    @Test
    void ties_in_time_leave_in_event_id_order_whatever_the_arrival_order() {
        List<Event> events = List.of(at(1, "z", "A", user("a", "AKIA1")), at(1, "m", "A", user("a", "AKIA1")), at(1, "a", "A", user("a", "AKIA1")));
        events.forEach(orderer::offer);
        orderer.flush();

        assertThat(out).containsExactly("a", "m", "z");
    }
}
