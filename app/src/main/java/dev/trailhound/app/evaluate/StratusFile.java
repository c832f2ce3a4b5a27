package dev.trailhound.app.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result for one Stratus Red Team capture, scanned alone.
 *
 * @param file            the capture's file name
 * @param technique       the Stratus technique id
 * @param labelTactics    the tactics the label names (v18 names)
 * @param acceptedTactics the v19 tactic ids that count
 * @param outcome         {@code detected} (a threat with an accepted tactic), {@code wrong-tactic} (threats,
 *                        none with an accepted tactic), {@code no-threat}, or {@code unreadable}
 * @param onKeyEvent      a threat with an accepted tactic has a detection on one of the key events
 * @param keyEvents       the calls the technique's documentation says to alert on
 * @param keyOutcomes     how the capture's key calls ended: error code ("(succeeded)" for none) to count
 * @param events          events read
 * @param rejections      rejection reason to count, if any
 * @param threats         every threat raised
 */
public record StratusFile(String file, String technique, List<String> labelTactics, List<String> acceptedTactics,
        String outcome, boolean onKeyEvent, List<String> keyEvents, Map<String, Long> keyOutcomes, long events, Map<String, Long> rejections,
        List<ThreatBrief> threats) {
    public StratusFile {
        labelTactics = List.copyOf(labelTactics);
        acceptedTactics = List.copyOf(acceptedTactics);
        keyEvents = List.copyOf(keyEvents);
        keyOutcomes = Collections.unmodifiableMap(new TreeMap<>(keyOutcomes));
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        threats = List.copyOf(threats);
    }

    public boolean detected() {
        return outcome.equals(StratusEvaluation.DETECTED);
    }
}
