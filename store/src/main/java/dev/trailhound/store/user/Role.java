package dev.trailhound.store.user;

import java.util.Locale;
import java.util.Optional;

/** What a user may do: viewers read; analysts also triage, suppress and raise tickets; admins also configure. */
public enum Role {
    VIEWER, ANALYST, ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> parse(String label) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
