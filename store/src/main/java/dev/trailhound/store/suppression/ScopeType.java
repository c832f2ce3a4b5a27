package dev.trailhound.store.suppression;

import java.util.Locale;
import java.util.Optional;

/** What a suppression rule is scoped to. */
public enum ScopeType {
    /** One identity: its principal ARN or the user name threats show. */
    PRINCIPAL,
    /** One detection rule: threats whose every detection comes from it (a threat with other detections stays open). */
    RULE,
    /** One asset id. */
    ASSET,
    /** One account id. */
    ACCOUNT,
    /** A threat filter, as the threat list takes it (tactic, technique, assetType, account, user, severity). */
    FILTER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ScopeType> parse(String text) {
        for (ScopeType t : values()) {
            if (t.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
