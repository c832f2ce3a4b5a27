package dev.trailhound.app.bench;

import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import dev.trailhound.core.rules.RuleEngine;
import dev.trailhound.core.rules.RuleState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark instrument: runs the rule engine exactly as {@code scan} does and tallies its detections per rule,
 * plus the harness's per-identity aggregation A1 (distinct event names per identity), so the peer harness can
 * check the product's answers against every other peer's.
 */
final class CountingRules implements Detector<RuleState> {
    private final RuleEngine engine;
    private final Map<String, long[]> byRule = new HashMap<>();
    private final Map<String, Set<String>> namesByIdentity = new HashMap<>();

    CountingRules(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public RuleState newState() {
        return engine.newState();
    }

    @Override
    public void prepare(Event event) {
        engine.prepare(event);
    }

    @Override
    public boolean holdsNothing(RuleState state) {
        return engine.holdsNothing(state);
    }

    @Override
    public void expire(RuleState state, long watermarkMillis) {
        engine.expire(state, watermarkMillis);
    }

    @Override
    public List<Detection> detect(RuleState state, Event event) {
        List<Detection> found = engine.detect(state, event);
        for (Detection d : found) {
            byRule.computeIfAbsent(d.ruleId(), k -> new long[1])[0]++;
        }
        namesByIdentity.computeIfAbsent(identity(event.principal()), k -> new HashSet<>()).add(event.action());
        return found;
    }

    private static String identity(Principal p) {
        for (String key : new String[] {p.arn(), p.principalId(), p.invokedBy(), p.userName()}) {
            if (key != null) {
                return key;
            }
        }
        return "unknown";
    }

    long count(String ruleId) {
        long[] c = byRule.get(ruleId);
        return c == null ? 0 : c[0];
    }

    /** identities, sum of distinct event names, max distinct event names. */
    long[] aggregate() {
        long sum = 0;
        long max = 0;
        for (Set<String> names : namesByIdentity.values()) {
            sum += names.size();
            max = Math.max(max, names.size());
        }
        return new long[] {namesByIdentity.size(), sum, max};
    }
}
