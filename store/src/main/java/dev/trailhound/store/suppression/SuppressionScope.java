package dev.trailhound.store.suppression;

import dev.trailhound.store.threat.StatusFilter;
import dev.trailhound.store.threat.ThreatFilterSql;
import dev.trailhound.store.threat.ThreatQuery;
import java.util.List;
import java.util.Objects;

/**
 * Which threats a suppression rule covers.
 *
 * @param type   what it is scoped to
 * @param value  the principal, rule, asset or account; null for a filter
 * @param filter the threat filter for {@link ScopeType#FILTER} (status and time range are not part of a scope), else null
 */
public record SuppressionScope(ScopeType type, String value, ThreatQuery filter) {
    public SuppressionScope {
        Objects.requireNonNull(type, "type");
        if (type == ScopeType.FILTER) {
            Objects.requireNonNull(filter, "filter");
            if (filter.fromMillis() != null || filter.toMillis() != null) {
                throw new IllegalArgumentException("a suppression's filter has no time range: it applies to threats as they come"
                        + " (give an expiry instead)");
            }
            boolean empty = filter.tactics().isEmpty() && filter.techniques().isEmpty() && filter.assetTypes().isEmpty()
                    && filter.accounts().isEmpty() && filter.users().isEmpty() && filter.severities().isEmpty();
            if (empty) {
                throw new IllegalArgumentException("a suppression's filter must narrow something: an empty filter would"
                        + " suppress every threat");
            }
            filter = filter.withStatus(StatusFilter.ALL);
            value = null;
        } else {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a " + type.label() + " suppression needs the " + type.label() + " it covers");
            }
            value = value.trim();
            filter = null;
        }
    }

    public static SuppressionScope of(ScopeType type, String value) {
        return new SuppressionScope(type, value, null);
    }

    public static SuppressionScope filter(ThreatQuery filter) {
        return new SuppressionScope(ScopeType.FILTER, null, filter);
    }

    /** The scope as a condition on {@code threats t}, whatever the threat's status. */
    ThreatFilterSql condition() {
        if (type == ScopeType.FILTER) {
            return new ThreatFilterSql(filter);
        }
        ThreatFilterSql sql = new ThreatFilterSql(ThreatQuery.open().withStatus(StatusFilter.ALL));
        switch (type) {
            case PRINCIPAL -> sql.and("t.principal_arn = ? or t.user_name = ?", List.of(value, value));
            case ASSET -> sql.and("t.asset_id = ?", List.of(value));
            case ACCOUNT -> sql.and("t.account_id = ?", List.of(value));
            case RULE -> sql.and("exists (select 1 from threat_rules r where r.threat_id = t.threat_id and r.rule_id = ?)"
                    + " and not exists (select 1 from threat_rules o where o.threat_id = t.threat_id and o.rule_id <> ?)",
                    List.of(value, value));
            default -> throw new IllegalStateException("unhandled scope " + type);
        }
        return sql;
    }
}
