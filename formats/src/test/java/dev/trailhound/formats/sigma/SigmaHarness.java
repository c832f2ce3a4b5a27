package dev.trailhound.formats.sigma;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.pipeline.DetectionCore;
import dev.trailhound.core.rules.RuleCompilation;
import dev.trailhound.core.rules.RuleCompileOptions;
import dev.trailhound.core.rules.RuleCompiler;
import dev.trailhound.core.rules.RuleEngine;
import dev.trailhound.core.rules.RuleState;
import dev.trailhound.formats.cloudtrail.CollectedRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sigma text in, detections out: the parser, compiler, engine and CloudTrail reader wired as in production. */
final class SigmaHarness {
    static final AttackCatalog CATALOG = AttackCatalog.v19();
    static final Set<String> OWN = Set.of("111122223333", "444455556666");

    private SigmaHarness() {
    }

    static RuleCompilation compile(String yaml) {
        return compile(yaml, Map.of());
    }

    static RuleCompilation compile(String yaml, Map<String, List<String>> placeholders) {
        SigmaFile file = new SigmaParser().parse("test.yml", yaml);
        if (!file.problems().isEmpty()) {
            return new RuleCompilation(dev.trailhound.core.rules.RuleSet.empty(), file.problems(), List.of());
        }
        return new RuleCompiler(CATALOG, new RuleCompileOptions(placeholders, OWN::contains, Set.of()))
                .compile(file.rules(), file.correlations());
    }

    static RuleEngine engine(String yaml) {
        RuleCompilation c = compile(yaml);
        if (!c.ok()) {
            throw new AssertionError("rule does not compile: " + c.problems());
        }
        return new RuleEngine(c.ruleSet(), AutomationRecognizer.defaults());
    }

    /** Detections for the events, fed in order with per-principal state as the core keeps it. */
    static List<Detection> run(RuleEngine engine, Event... events) {
        Map<String, RuleState> states = new HashMap<>();
        List<Detection> out = new ArrayList<>();
        for (Event e : events) {
            out.addAll(engine.detect(states.computeIfAbsent(DetectionCore.principalKey(e), k -> engine.newState()), e));
        }
        return out;
    }

    static boolean matches(String yaml, String recordJson) {
        return !run(engine(yaml), event(recordJson)).isEmpty();
    }

    static Event event(String json) {
        CollectedRecords read = CollectedRecords.ofJson("test", List.of(json));
        if (read.events().size() != 1) {
            throw new AssertionError("not one event: " + read.rejections());
        }
        return read.events().get(0);
    }

    /**
     * A CloudTrail record by an IAM user with the given name, time (minutes after 10:00), event and extra JSON
     * members (without braces), e.g. {@code "\"requestParameters\":{\"userName\":\"eve\"}"}.
     */
    static String record(String user, int minute, String source, String name, String extra) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + user.toUpperCase()
                + "\",\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\",\"accountId\":\"111122223333\","
                + "\"accessKeyId\":\"AKIA" + user.toUpperCase() + "EXAMPLE\",\"userName\":\"" + user + "\"},"
                + "\"eventTime\":\"2026-11-02T10:" + String.format("%02d", minute % 60) + ":00Z\",\"eventSource\":\"" + source + "\","
                + "\"eventName\":\"" + name + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\","
                + "\"userAgent\":\"aws-cli/2.15.30 Python/3.11.8\",\"eventID\":\"" + user + "-" + name + "-" + minute + "\","
                + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String rule(String detection) {
        return "title: test rule\nid: 00000000-0000-4000-8000-000000000001\nlevel: high\n"
                + "tags: [attack.persistence, attack.t1098]\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n" + detection;
    }
}
