package dev.trailhound.web.threats;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.store.threat.StatusFilter;
import dev.trailhound.store.threat.ThreatQuery;
import dev.trailhound.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The threat filters of the API's query string, shared by the list and the overview: each filter takes repeated
 * parameters or comma lists; tactics and techniques take ATT&CK ids or names; a bad value is a 400 naming it.
 */
public final class ThreatQueryParameters {
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    private final AttackCatalog attack;

    public ThreatQueryParameters(AttackCatalog attack) {
        this.attack = attack;
    }

    public ThreatQuery parse(Context ctx) {
        ThreatQuery filters = filters(name -> values(ctx, name));
        StatusFilter status = StatusFilter.OPEN;
        String statusText = ctx.queryParam("status");
        if (statusText != null && !statusText.isBlank()) {
            status = StatusFilter.parse(statusText).orElseThrow(() -> ApiProblem.badRequest("status",
                    "unknown status '" + statusText + "': use open, suppressed or all"));
        }
        Long from = instant(ctx, "from");
        Long to = instant(ctx, "to");
        if (from != null && to != null && from >= to) {
            throw ApiProblem.badRequest("to", "to must be after from");
        }
        return filters.withStatus(status).between(from, to);
    }

    /**
     * The filters that say which threats, not when or in which state (tactic, technique, assetType, account, user,
     * severity), from a lookup of each name's values; the query string and a suppression rule's filter both give them.
     */
    public ThreatQuery filters(Function<String, List<String>> values) {
        List<String> tactics = values.apply("tactic").stream().map(this::tacticId).toList();
        List<String> techniques = values.apply("technique").stream().map(this::techniqueId).toList();
        List<String> severities = new ArrayList<>();
        for (String s : values.apply("severity")) {
            String label = s.toLowerCase(Locale.ROOT);
            if (!SEVERITIES.contains(label)) {
                throw ApiProblem.badRequest("severity", "unknown severity '" + s + "': use low, medium, high or critical");
            }
            severities.add(label);
        }
        return new ThreatQuery(tactics, techniques, values.apply("assetType"), values.apply("account"), values.apply("user"),
                severities, StatusFilter.OPEN, null, null);
    }

    /** Repeated parameters and comma lists, trimmed, blanks dropped. */
    public static List<String> values(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : ctx.queryParams(name)) {
            for (String v : raw.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return values;
    }

    public static Long instant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, "'" + text + "' is not an ISO-8601 instant such as 2026-11-02T10:00:00Z");
        }
    }

    private String tacticId(String idOrName) {
        return attack.tactic(idOrName).map(Tactic::id).orElseThrow(() -> ApiProblem.badRequest("tactic",
                "unknown ATT&CK tactic '" + idOrName + "': use an id such as TA0006 or a name such as Credential Access"));
    }

    private String techniqueId(String idOrName) {
        String upper = idOrName.toUpperCase(Locale.ROOT);
        if (attack.technique(upper).isPresent()) {
            return upper;
        }
        for (Technique t : attack.techniques()) {
            if (t.name().equalsIgnoreCase(idOrName) || attack.displayName(t).equalsIgnoreCase(idOrName)) {
                return t.id();
            }
        }
        throw ApiProblem.badRequest("technique", "unknown ATT&CK technique '" + idOrName
                + "': use an id such as T1078.004 or a name such as Valid Accounts");
    }
}
