package dev.trailhound.core.session;

import static dev.trailhound.core.pipeline.TestEvents.at;
import static dev.trailhound.core.pipeline.TestEvents.role;
import static dev.trailhound.core.pipeline.TestEvents.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.pipeline.ActionDetector;
import dev.trailhound.core.pipeline.DetectionCore;
import dev.trailhound.core.pipeline.EventPipeline;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.core.pipeline.ThreatListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: within the tolerated disorder, how events are grouped into sessions and threats does not depend on
 * the order they arrive in. Each seed builds a random workload and a random arrival order in which no event
 * is displaced by more than the tolerance.
 */
class SessionGroupingOrderTest {
    private static final Duration TOLERANCE = Duration.ofMinutes(15);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    void grouping_does_not_depend_on_arrival_order_within_the_tolerance(long seed) {
        Random random = new Random(seed);
        List<Event> events = workload(random);
        Map<String, TreeSet<String>> inOrder = groups(events);

        List<Event> shuffled = new ArrayList<>(events);
        // arrival time = event time + a random delay below the tolerance; arrival order follows it
        Map<Event, Long> arrival = new java.util.IdentityHashMap<>();
        for (Event e : shuffled) {
            arrival.put(e, e.eventTimeMillis() + (long) (random.nextDouble() * (TOLERANCE.toMillis() - 1)));
        }
        shuffled.sort((a, b) -> Long.compare(arrival.get(a), arrival.get(b)));

        assertThat(shuffled).isNotEqualTo(events);
        assertThat(groups(shuffled)).isEqualTo(inOrder);
    }

    private static List<Event> workload(Random random) {
        List<Event> events = new ArrayList<>();
        String[] actions = {"ListUsers", "GetObject", "CreateUser", "StopLogging", "DescribeInstances"};
        double minute = 0;
        for (int i = 0; i < 400; i++) {
            minute += random.nextDouble() * (random.nextInt(10) == 0 ? 120 : 4);
            int who = random.nextInt(6);
            String action = actions[random.nextInt(actions.length)];
            var principal = who < 3 ? user("user" + who, "AKIAUSER" + who) : role("session" + who, "ASIAKEY" + (who * 10 + i / 150));
            events.add(at(minute, String.format("e-%04d", i), action, principal));
        }
        return events;
    }

    /** Threat id -> the event ids it carries, for every threat the pipeline produces. */
    private static Map<String, TreeSet<String>> groups(List<Event> arrivals) {
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        DetectionCore core = new DetectionCore(List.of(new ActionDetector(Map.of("CreateUser", "T1136.003", "StopLogging", "T1685.002"), Severity.HIGH)),
                new Sessioniser(SessionSettings.defaults()));
        EventPipeline pipeline = new EventPipeline(core, PipelineSettings.defaults().withDisorderTolerance(TOLERANCE), Organisation.empty(),
                new ThreatListener() {
                    @Override
                    public void closed(Session threat) {
                        groups.put(threat.threatId(), new TreeSet<>(threat.eventIds()));
                    }
                });
        arrivals.forEach(pipeline::offer);
        pipeline.finish();
        assertThat(pipeline.statistics().late()).isZero();
        assertThat(groups).isNotEmpty();
        return groups;
    }
}
