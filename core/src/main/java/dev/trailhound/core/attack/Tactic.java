package dev.trailhound.core.attack;

import java.util.Comparator;
import java.util.Objects;

/**
 * An ATT&amp;CK tactic: the adversary's goal behind a technique ("Credential Access").
 *
 * @param id        the ATT&amp;CK id, {@code TA0006}
 * @param shortName the machine name ATT&amp;CK uses in technique data, {@code credential-access}
 * @param name      the display name, {@code Credential Access}
 * @param order     the position in the kill chain, 1 for Reconnaissance
 */
public record Tactic(String id, String shortName, String name, int order) {

    public Tactic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(name, "name");
        if (order < 1) {
            throw new IllegalArgumentException("tactic " + id + ": order must be 1 or more, was " + order);
        }
    }

    /** Orders tactics as the ATT&amp;CK Enterprise matrix lists them, Reconnaissance first, Impact last. */
    public static Comparator<Tactic> killChainOrder() {
        return Comparator.comparingInt(Tactic::order);
    }
}
