package dev.trailhound.core.rules;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the rule engine remembers about one principal: the open correlation windows, by correlation id and
 * group-by values. Empty for most principals, and then dropped by the core.
 */
public final class RuleState {
    record Key(String correlationId, List<String> group) {
    }

    private Map<Key, CorrelationWindow> windows;

    CorrelationWindow window(String correlationId, List<String> group, long spanMillis) {
        if (windows == null) {
            windows = new HashMap<>();
        }
        return windows.computeIfAbsent(new Key(correlationId, group), k -> new CorrelationWindow(spanMillis));
    }

    public boolean isEmpty() {
        return windows == null || windows.isEmpty();
    }

    /** Drops what can no longer take part in a correlation once event time has reached {@code watermarkMillis}. */
    public void expire(long watermarkMillis) {
        if (windows == null) {
            return;
        }
        for (Iterator<CorrelationWindow> it = windows.values().iterator(); it.hasNext(); ) {
            CorrelationWindow w = it.next();
            w.trim(watermarkMillis);
            if (w.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Open windows, for tests and memory accounting. */
    public int windows() {
        return windows == null ? 0 : windows.size();
    }
}
