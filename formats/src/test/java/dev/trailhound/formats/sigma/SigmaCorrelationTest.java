package dev.trailhound.formats.sigma;

import static dev.trailhound.formats.sigma.SigmaHarness.event;
import static dev.trailhound.formats.sigma.SigmaHarness.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.rules.RuleEngine;
import dev.trailhound.core.rules.RuleState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigmaCorrelationTest {
    private static final String SECRET_READ = """
            title: Secret read
            id: 10000000-0000-4000-8000-000000000001
            name: secret_read
            logsource: {product: aws, service: cloudtrail}
            detection:
              sel:
                eventName: GetSecretValue
              condition: sel
            level: informational
            """;

    private static String correlation(String type, String condition, String timespan) {
        return "title: Many secrets read\nid: 10000000-0000-4000-8000-000000000002\nlevel: high\n"
                + "tags: [attack.credential-access, attack.t1555.006]\ncorrelation:\n  type: " + type + "\n  rules: [secret_read]\n"
                + "  group-by: [awsRegion]\n  timespan: " + timespan + "\n  condition:\n" + condition + "---\n" + SECRET_READ;
    }

    private static Event read(String user, int minute, String secret) {
        return event(record(user, minute, "secretsmanager.amazonaws.com", "GetSecretValue",
                "\"requestParameters\":{\"secretId\":\"" + secret + "\"}").replace("-GetSecretValue-" + minute, "-" + secret + "-" + minute));
    }

    @Test
    void event_count_fires_once_when_the_threshold_is_reached_within_the_timespan() {
        RuleEngine engine = SigmaHarness.engine(correlation("event_count", "    gte: 3\n", "10m"));
        List<Detection> d = SigmaHarness.run(engine, read("alice", 0, "a"), read("alice", 2, "b"), read("alice", 4, "c"), read("alice", 5, "d"));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("10000000-0000-4000-8000-000000000002");
            assertThat(x.eventId()).isEqualTo("alice-c-4");
            assertThat(x.eventIds()).containsExactly("alice-a-0", "alice-b-2", "alice-c-4");
            assertThat(x.explanation()).contains("3 matches of \"Secret read\" within 10 min (threshold >= 3)").contains("awsRegion=us-east-1");
            assertThat(x.tactics()).extracting(t -> t.id()).containsExactly("TA0006");
        });
    }

    @Test
    void a_burst_raises_one_detection_per_timespan_not_one_per_threshold() {
        RuleEngine engine = SigmaHarness.engine(correlation("event_count", "    gte: 2\n", "10m"));
        List<Detection> d = SigmaHarness.run(engine, read("alice", 0, "a"), read("alice", 1, "b"), read("alice", 2, "c"),
                read("alice", 3, "d"), read("alice", 11, "e"), read("alice", 12, "f"));
        assertThat(d).extracting(Detection::eventId).containsExactly("alice-b-1", "alice-e-11");   // c and d fell in the quiet time: they count towards the next burst
    }

    @Test
    void value_count_counts_every_value_of_an_array_field() {
        String rule = correlation("value_count", "    field: requestParameters.instanceIds\n    gte: 3\n", "10m");
        Event one = event(record("alice", 0, "secretsmanager.amazonaws.com", "GetSecretValue",
                "\"requestParameters\":{\"instanceIds\":[\"i-1\",\"i-2\",\"i-3\"]}"));
        assertThat(SigmaHarness.run(SigmaHarness.engine(rule), one)).hasSize(1);
    }

    @Test
    void matches_outside_the_timespan_do_not_count() {
        RuleEngine engine = SigmaHarness.engine(correlation("event_count", "    gte: 3\n", "10m"));
        assertThat(SigmaHarness.run(engine, read("alice", 0, "a"), read("alice", 11, "b"), read("alice", 22, "c"))).isEmpty();
    }

    @Test
    void correlations_count_each_principal_separately() {
        RuleEngine engine = SigmaHarness.engine(correlation("event_count", "    gte: 3\n", "10m"));
        assertThat(SigmaHarness.run(engine, read("alice", 0, "a"), read("bob", 1, "b"), read("alice", 2, "c"), read("bob", 3, "d"))).isEmpty();
    }

    @Test
    void value_count_counts_distinct_values_and_gt_is_strict() {
        String rule = correlation("value_count", "    field: requestParameters.secretId\n    gt: 2\n", "10m");
        assertThat(SigmaHarness.run(SigmaHarness.engine(rule), read("alice", 0, "a"), read("alice", 1, "a"), read("alice", 2, "b"),
                read("alice", 3, "b"), read("alice", 4, "c"))).singleElement().satisfies(x -> assertThat(x.eventId()).isEqualTo("alice-c-4"));
        assertThat(SigmaHarness.run(SigmaHarness.engine(rule), read("alice", 0, "a"), read("alice", 1, "a"), read("alice", 2, "b"))).isEmpty();
    }

    @Test
    void temporal_ordered_needs_the_sequence_in_order() {
        String yaml = """
                title: User data replaced on a stopped instance
                id: 20000000-0000-4000-8000-000000000001
                level: high
                tags: [attack.execution, attack.t1059.009]
                correlation:
                  type: temporal_ordered
                  rules: [stop, modify, start]
                  timespan: 30m
                ---
                title: stop
                name: stop
                logsource: {product: aws, service: cloudtrail}
                detection: {sel: {eventName: StopInstances}, condition: sel}
                ---
                title: modify
                name: modify
                logsource: {product: aws, service: cloudtrail}
                detection: {sel: {eventName: ModifyInstanceAttribute, requestParameters.userData|exists: true}, condition: sel}
                ---
                title: start
                name: start
                logsource: {product: aws, service: cloudtrail}
                detection: {sel: {eventName: StartInstances}, condition: sel}
                """;
        Event stop = event(record("eve", 0, "ec2.amazonaws.com", "StopInstances", ""));
        Event modify = event(record("eve", 2, "ec2.amazonaws.com", "ModifyInstanceAttribute", "\"requestParameters\":{\"userData\":\"<sensitiveDataRemoved>\"}"));
        Event start = event(record("eve", 3, "ec2.amazonaws.com", "StartInstances", ""));
        Event earlyStart = event(record("eve", 1, "ec2.amazonaws.com", "StartInstances", "").replace("-1\"", "-early\""));
        assertThat(SigmaHarness.run(SigmaHarness.engine(yaml), stop, modify, start)).singleElement()
                .satisfies(d -> assertThat(d.eventIds()).containsExactly("eve-StopInstances-0", "eve-ModifyInstanceAttribute-2", "eve-StartInstances-3"));
        assertThat(SigmaHarness.run(SigmaHarness.engine(yaml), earlyStart, stop, modify)).isEmpty();
        Event sameSecondModify = event(record("eve", 0, "ec2.amazonaws.com", "ModifyInstanceAttribute",
                "\"requestParameters\":{\"userData\":\"x\"}").replace("-0\"", "-same\""));
        assertThat(SigmaHarness.run(SigmaHarness.engine(yaml), sameSecondModify, stop, start))
                .as("within one second CloudTrail does not tell the order").hasSize(1);
    }

    @Test
    void a_chained_correlation_uses_another_correlation_as_a_member() {
        String yaml = """
                title: Brute force then success
                id: 30000000-0000-4000-8000-000000000001
                level: critical
                tags: [attack.credential-access, attack.t1110]
                correlation:
                  type: temporal_ordered
                  rules: [many_failures, login_ok]
                  timespan: 30m
                ---
                title: Many failures
                name: many_failures
                correlation:
                  type: event_count
                  rules: [login_failed]
                  timespan: 10m
                  condition: {gte: 3}
                ---
                title: failed
                name: login_failed
                logsource: {product: aws, service: cloudtrail}
                detection: {sel: {eventName: ConsoleLogin, errorMessage: Failed authentication}, condition: sel}
                ---
                title: ok
                name: login_ok
                logsource: {product: aws, service: cloudtrail}
                detection: {sel: {eventName: ConsoleLogin, responseElements.ConsoleLogin: Success}, condition: sel}
                """;
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event(record("mallory", i, "signin.amazonaws.com", "ConsoleLogin",
                    "\"errorMessage\":\"Failed authentication\",\"responseElements\":{\"ConsoleLogin\":\"Failure\"}")));
        }
        events.add(event(record("mallory", 5, "signin.amazonaws.com", "ConsoleLogin", "\"responseElements\":{\"ConsoleLogin\":\"Success\"}")));
        List<Detection> d = SigmaHarness.run(SigmaHarness.engine(yaml), events.toArray(Event[]::new));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("30000000-0000-4000-8000-000000000001");
            assertThat(x.eventIds()).hasSize(4);
            assertThat(x.severity().label()).isEqualTo("critical");
        });
    }

    @Test
    void closed_windows_are_forgotten_as_event_time_passes() {
        RuleEngine engine = SigmaHarness.engine(correlation("event_count", "    gte: 3\n", "10m"));
        RuleState state = engine.newState();
        engine.detect(state, read("alice", 0, "a"));
        assertThat(engine.holdsNothing(state)).isFalse();
        engine.expire(state, read("alice", 0, "a").eventTimeMillis() + 11 * 60_000);
        assertThat(engine.holdsNothing(state)).isTrue();
    }
}
