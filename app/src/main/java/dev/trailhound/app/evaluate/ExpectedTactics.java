package dev.trailhound.app.evaluate;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ATT&amp;CK v19 tactics that satisfy a corpus label's tactic. The labels predate v19: they name tactics
 * by v18 name ("Defense Evasion") or v18 id ("TA0005"). v19 kept every v18 tactic id but split Defense
 * Evasion in two: TA0005 is now Stealth and the new TA0112 Defense Impairment took impairing defenses (logs,
 * firewalls, tools). A v18 Defense Evasion label is therefore satisfied by either TA0005 or TA0112; every other
 * tactic by its own id.
 */
public final class ExpectedTactics {
    public static final String STEALTH = "TA0005";
    public static final String DEFENSE_IMPAIRMENT = "TA0112";

    private ExpectedTactics() {
    }

    /**
     * @param label a tactic name, short name or id, in v18 or v19 spelling; for {@code "TA0005:T1562"} style
     *              pairs the part before the colon
     * @return the accepted v19 tactic ids, or empty when the catalogue knows no such tactic
     */
    public static Optional<Set<String>> of(String label) {
        String tactic = label.contains(":") ? label.substring(0, label.indexOf(':')) : label;
        return AttackCatalog.v19().tactic(tactic.strip()).map(Tactic::id)
                .map(id -> id.equals(STEALTH) ? Set.of(STEALTH, DEFENSE_IMPAIRMENT) : Set.of(id));
    }

    /**
     * The union over several labels. Labels the catalogue does not know are added to {@code unknown}.
     */
    public static Set<String> ofAll(Collection<String> labels, List<String> unknown) {
        Set<String> ids = new TreeSet<>();
        for (String label : labels) {
            of(label).ifPresentOrElse(ids::addAll, () -> unknown.add(label));
        }
        return ids;
    }

    /** "TA0005 Stealth / TA0112 Defense Impairment" for people. */
    public static String describe(Collection<String> tacticIds) {
        if (tacticIds.isEmpty()) {
            return "(no tactic)";
        }
        return String.join(" / ", tacticIds.stream().sorted()
                .map(id -> AttackCatalog.v19().tactic(id).map(t -> t.id() + " " + t.name()).orElse(id)).toList());
    }
}
