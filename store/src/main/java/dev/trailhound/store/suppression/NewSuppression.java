package dev.trailhound.store.suppression;

import java.util.Objects;

/** A suppression rule to save; see {@link Suppression} for the fields. */
public record NewSuppression(SuppressionScope scope, String reason, String owner, String createdBy, Long expiresAtMillis) {
    public NewSuppression {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
