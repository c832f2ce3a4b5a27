package dev.trailhound.store.threat;

import java.util.Locale;
import java.util.Optional;

/** Which threats a listing includes by status; open by default. */
public enum StatusFilter {
    OPEN, SUPPRESSED, ALL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StatusFilter> parse(String text) {
        for (StatusFilter f : values()) {
            if (f.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
