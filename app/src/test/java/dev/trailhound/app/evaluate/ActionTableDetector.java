package dev.trailhound.app.evaluate;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.event.Event;
import java.util.List;
import java.util.Map;

/** Test-only detector standing in for the rule engine: flags the event names of its table with the technique given. */
final class ActionTableDetector implements Detector<Void> {
    private final Map<String, String> techniqueByAction;

    ActionTableDetector(Map<String, String> techniqueByAction) {
        this.techniqueByAction = Map.copyOf(techniqueByAction);
    }

    /** A factory giving every scan its own detector, as {@code evaluate} does. */
    static CorpusScanner scanner(Map<String, String> techniqueByAction) {
        return new CorpusScanner(organisation -> List.of(new ActionTableDetector(techniqueByAction)), 1);
    }

    @Override
    public String name() {
        return "test-action-table";
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public List<Detection> detect(Void state, Event event) {
        String id = techniqueByAction.get(event.action());
        if (id == null) {
            return List.of();
        }
        AttackCatalog attack = AttackCatalog.v19();
        var technique = attack.technique(id).orElseThrow();
        return List.of(new Detection(DetectionKind.RULE, "test-" + event.action(), event.action() + " seen", Severity.HIGH,
                event.eventId(), event.eventTimeMillis(), List.of(event.eventId()), attack.tacticsOf(technique), List.of(technique), ""));
    }
}
