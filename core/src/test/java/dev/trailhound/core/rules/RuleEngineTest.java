package dev.trailhound.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.pipeline.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static final SourceLocation HERE = new SourceLocation("test.yml", 1, 1);

    private static RuleDefinition rule(String id, String field, String value) {
        RuleMetadata meta = new RuleMetadata(id, null, "rule " + id, "", "high", "test", List.of("attack.persistence", "attack.t1098"),
                List.of(), List.of(), false, HERE);
        FieldTest test = new FieldTest(field, List.of(), List.of(value), HERE);
        return new RuleDefinition(meta, Map.of("sel", new SearchDefinition.Fields("sel", List.of(List.of(test)), HERE)),
                List.of(new ConditionText("sel", HERE)));
    }

    private static RuleSet compile(RuleDefinition... rules) {
        RuleCompilation c = new RuleCompiler(AttackCatalog.v19(), RuleCompileOptions.defaults(id -> false)).compile(List.of(rules), List.of());
        assertThat(c.problems()).isEmpty();
        return c.ruleSet();
    }

    /** An event whose kept JSON no longer parses: any rule that needs its tree throws. */
    private static Event broken(String action) {
        Event ok = TestEvents.at(0, "e-1", action, TestEvents.user("alice", "AKIAEXAMPLE"));
        return new Event(ok.eventId(), ok.eventTime(), ok.accountId(), ok.region(), ok.service(), action, ok.eventType(), ok.readOnly(),
                null, null, ok.sourceIp(), ok.userAgent(), ok.principal(), "{\"requestParameters\":{\"userName\": no longer json".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_rule_that_throws_is_counted_and_the_other_rules_still_run() {
        RuleEngine engine = new RuleEngine(compile(rule("needs-tree", "requestParameters.userName", "bob"),
                rule("decoded-only", "eventName", "CreateUser")), AutomationRecognizer.defaults());
        List<Detection> found = engine.detect(engine.newState(), broken("CreateUser"));
        assertThat(found).extracting(Detection::ruleId).containsExactly("decoded-only");
        assertThat(engine.failures().total()).isEqualTo(1);
        assertThat(engine.failures().byRule()).containsOnlyKeys("needs-tree");
        assertThat(engine.failures().byRule().get("needs-tree").firstEventId()).isEqualTo("e-1");
    }

    @Test
    void a_swapped_rule_set_applies_to_the_next_event() {
        RuleEngine engine = new RuleEngine(compile(rule("a", "eventName", "CreateUser")), AutomationRecognizer.defaults());
        Event e = TestEvents.at(0, "e-1", "CreateUser", TestEvents.user("alice", "AKIAEXAMPLE"));
        assertThat(engine.detect(engine.newState(), e)).extracting(Detection::ruleId).containsExactly("a");
        engine.swap(compile(rule("b", "eventName", "CreateUser")));
        assertThat(engine.detect(engine.newState(), e)).extracting(Detection::ruleId).containsExactly("b");
        engine.swap(RuleSet.empty());
        assertThat(engine.detect(engine.newState(), e)).isEmpty();
    }

    @Test
    void matches_on_aws_service_events_are_counted_as_automation_not_detections() {
        RuleEngine engine = new RuleEngine(compile(rule("a", "eventName", "CreateUser")), AutomationRecognizer.defaults());
        Event byService = TestEvents.at(0, "e-1", "CreateUser", TestEvents.service("cloudformation.amazonaws.com"));
        assertThat(engine.detect(engine.newState(), byService)).isEmpty();
        assertThat(engine.automationMatches()).isEqualTo(1);
    }

    @Test
    void security_scanners_reads_are_routine_but_their_changes_are_judged() {
        AutomationRecognizer recognizer = new AutomationRecognizer(List.of(), List.of("*cspm*"));
        Event read = TestEvents.at(0, "e", "ListUsers", TestEvents.role("cspm-readonly-scanner", "ASIA1"));
        Event write = TestEvents.at(0, "e", "CreateUser", TestEvents.role("cspm-readonly-scanner", "ASIA1"));
        Event readFlagged = new Event("e2", read.eventTime(), read.accountId(), read.region(), read.service(), "ListUsers",
                read.eventType(), true, null, null, read.sourceIp(), read.userAgent(), read.principal(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(recognizer.scannerReason(readFlagged, false)).contains("*cspm*");
        assertThat(recognizer.scannerReason(read, true)).contains("*cspm*");
        assertThat(recognizer.scannerReason(write, false)).isNull();
        assertThat(recognizer.scannerReason(TestEvents.at(0, "e", "ListUsers", TestEvents.user("alice", "AKIA1")), true)).isNull();
    }

    @Test
    void configured_automation_identities_match_by_arn_or_name_with_wildcards() {
        AutomationRecognizer recognizer = new AutomationRecognizer(List.of("arn:aws:iam::*:user/ci-*", "Deploy"));
        assertThat(recognizer.reason(TestEvents.at(0, "e", "CreateUser", TestEvents.user("ci-runner", "AKIA1")))).contains("ci-*");
        assertThat(recognizer.reason(TestEvents.at(0, "e", "CreateUser", TestEvents.role("s1", "ASIA1")))).contains("Deploy");
        assertThat(recognizer.reason(TestEvents.at(0, "e", "CreateUser", TestEvents.user("alice", "AKIA2")))).isNull();
        Event ci = TestEvents.at(0, "e", "CreateUser", TestEvents.user("ci-runner", "AKIA1"));
        Event fromKali = new Event("e3", ci.eventTime(), ci.accountId(), ci.region(), ci.service(), ci.action(), ci.eventType(), ci.readOnly(),
                null, null, ci.sourceIp(), "aws-cli/1.22.34 Python/3.9.2 Linux/5.15.0-kali3-amd64", ci.principal(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(recognizer.reason(fromKali)).as("a pipeline's key used from an attack distribution").isNull();
    }
}
