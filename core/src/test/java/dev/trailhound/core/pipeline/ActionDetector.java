package dev.trailhound.core.pipeline;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.event.Event;
import java.util.List;
import java.util.Map;

/**
 * Test-only detector: flags events whose action is in its table, with the technique given there. Stands in
 * for the rule engine in tests of sessions and threats.
 */
public final class ActionDetector implements Detector<Void> {
    private final Map<String, String> techniqueByAction;
    private final Severity severity;

    public ActionDetector(Map<String, String> techniqueByAction, Severity severity) {
        this.techniqueByAction = Map.copyOf(techniqueByAction);
        this.severity = severity;
    }

    @Override
    public String name() {
        return "test-actions";
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public List<Detection> detect(Void state, Event event) {
        String technique = techniqueByAction.get(event.action());
        if (technique == null) {
            return List.of();
        }
        AttackCatalog attack = AttackCatalog.v19();
        var t = attack.technique(technique).orElseThrow();
        return List.of(new Detection(DetectionKind.RULE, "test-" + event.action(), event.action() + " seen", severity,
                event.eventId(), event.eventTimeMillis(), List.of(event.eventId()), attack.tacticsOf(t), List.of(t), ""));
    }
}
