package dev.trailhound.core.rules;

import java.util.Objects;

/**
 * Why a rule cannot be used, where, and what to do about it. A rule with a problem is never half-loaded: it is
 * left out and its problems are reported, so it cannot silently evaluate to false.
 */
public record RuleProblem(SourceLocation where, String message) {
    public RuleProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
