package dev.trailhound.core.rules;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rules that threw while evaluating an event: each is isolated (the event and the other rules go on) and
 * counted here, with the first failure kept for the report. Nothing is logged per event.
 */
public final class RuleFailures {
    /** How often a rule failed, and the first time it did. */
    public record Failure(String ruleId, long count, String firstEventId, String firstError) {
    }

    private record Tally(AtomicLong count, String firstEventId, String firstError) {
    }

    private final Map<String, Tally> byRule = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    void record(String ruleId, String eventId, RuntimeException error) {
        total.incrementAndGet();
        byRule.computeIfAbsent(ruleId, id -> new Tally(new AtomicLong(), eventId, error.toString())).count().incrementAndGet();
    }

    public long total() {
        return total.get();
    }

    /** Per rule, ordered by rule id. */
    public Map<String, Failure> byRule() {
        Map<String, Failure> out = new TreeMap<>();
        byRule.forEach((id, t) -> out.put(id, new Failure(id, t.count().get(), t.firstEventId(), t.firstError())));
        return out;
    }
}
