package dev.trailhound.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.event.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineViewTest {
    private final BaselineStore store = new BaselineStore();
    private final AnomalyDetector detector = new AnomalyDetector(store, BaselineSettings.defaults(), AttackCatalog.v19());

    private void run(List<Event> events) {
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(Event::eventTimeMillis));
        for (Event e : ordered) {
            detector.prepare(e);
            detector.detect(null, e);
        }
    }

    private static List<Event> days(Calls who, int from, int count, String action) {
        List<Event> events = new ArrayList<>();
        for (int day = from; day < from + count; day++) {
            for (int i = 0; i < 4; i++) {
                events.add(who.call(action, day, 10 + i));
            }
        }
        return events;
    }

    @Test
    void shows_what_an_identity_does_most_and_whether_it_is_still_learning() {
        List<Event> events = new ArrayList<>(days(Calls.user("alice"), 0, 3, "s3:ListBuckets"));
        events.addAll(days(Calls.user("alice"), 0, 1, "ec2:DescribeInstances").subList(0, 1));
        run(events);

        BaselineView alice = store.view("alice", BaselineSettings.defaults(), 5).orElseThrow();
        assertThat(alice.key()).isEqualTo("arn:aws:iam::" + Calls.ACCOUNT + ":user/alice");
        assertThat(alice.events()).isEqualTo(13);
        assertThat(alice.state().learning()).isTrue();
        assertThat(alice.state().daysObserved()).isEqualTo(2);
        BaselineView.Habit actions = alice.habits().get("actions");
        assertThat(actions.distinct()).isEqualTo(2);
        assertThat(actions.top().get(0).value()).contains("ListBuckets");
        assertThat(actions.top().get(0).count()).isEqualTo(12);
        assertThat(alice.habits().get("networks").top()).isNotEmpty();
        assertThat(alice.hourOfDay().get(10)).isEqualTo(4);
        assertThat(alice.hourOfDay().stream().mapToInt(Integer::intValue).sum()).isEqualTo(13);

        assertThat(store.view(alice.key(), BaselineSettings.defaults(), 5)).as("by key too").isPresent();
        assertThat(store.view("mallory", BaselineSettings.defaults(), 5)).isEmpty();

        run(days(Calls.user("alice"), 3, 6, "s3:ListBuckets"));
        assertThat(store.view("alice", BaselineSettings.defaults(), 5).orElseThrow().state().learning())
                .as("a week of its own and of its account").isFalse();
    }

    @Test
    void a_role_session_arn_finds_the_role_or_the_persons_baseline() {
        run(days(Calls.roleSession("ci-deployer", "run-4711", "ASIAEXAMPLE1"), 0, 2, "s3:PutObject"));
        run(days(Calls.person("Alice@Example.com", Calls.ACCOUNT, "AdministratorAccess"), 0, 2, "s3:ListBuckets"));

        BaselineView role = store.view("arn:aws:sts::" + Calls.ACCOUNT + ":assumed-role/ci-deployer/run-9999",
                BaselineSettings.defaults(), 5).orElseThrow();
        assertThat(role.key()).isEqualTo("arn:aws:iam::" + Calls.ACCOUNT + ":role/ci-deployer");
        assertThat(role.workload()).isTrue();

        BaselineView person = store.view("arn:aws:sts::" + Calls.ACCOUNT
                + ":assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/Alice@Example.com", BaselineSettings.defaults(), 5)
                .orElseThrow();
        assertThat(person.key()).isEqualTo("person:alice@example.com");
        assertThat(store.view("alice@example.com", BaselineSettings.defaults(), 5)).isPresent();
    }
}
