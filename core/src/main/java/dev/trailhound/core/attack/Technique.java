package dev.trailhound.core.attack;

import java.util.List;
import java.util.Objects;

/**
 * An ATT&amp;CK technique or sub-technique.
 *
 * <p>A sub-technique's {@link #name()} is its own short name ("Cloud Accounts"); the full display name with its
 * parent's ("Valid Accounts: Cloud Accounts") comes from {@link AttackCatalog#displayName(Technique)}.
 *
 * @param id        the ATT&amp;CK id, {@code T1078} or {@code T1078.004}
 * @param name      the technique's own name
 * @param parentId  the parent technique's id for a sub-technique ({@code T1078}), {@code null} for a technique
 * @param tacticIds the ids of the tactics the technique serves, in kill-chain order
 */
public record Technique(String id, String name, String parentId, List<String> tacticIds) {

    public Technique {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        tacticIds = List.copyOf(tacticIds);
        if (parentId != null && !id.startsWith(parentId + ".")) {
            throw new IllegalArgumentException("technique " + id + " cannot have parent " + parentId);
        }
        if (tacticIds.isEmpty()) {
            throw new IllegalArgumentException("technique " + id + " has no tactic");
        }
    }

    /** True for a sub-technique ({@code T1078.004}), false for a top-level technique ({@code T1078}). */
    public boolean isSubTechnique() {
        return parentId != null;
    }
}
