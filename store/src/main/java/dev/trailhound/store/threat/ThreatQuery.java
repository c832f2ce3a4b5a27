package dev.trailhound.store.threat;

import java.util.List;

/**
 * A filter over stored threats. Several values of one filter match any of them; different filters must all
 * match; an empty list does not filter. No time range by default: every threat is eligible.
 *
 * @param tactics     ATT&CK tactic ids (TA0006...)
 * @param techniques  ATT&CK technique ids (T1078, T1078.004...); a technique also matches its sub-techniques
 * @param assetTypes  EC2, IAM, S3...
 * @param accounts    account ids
 * @param users       user names as threats show them
 * @param severities  low, medium, high, critical
 * @param status      open (default), suppressed or all
 * @param fromMillis  detection time at or after, or null
 * @param toMillis    detection time before, or null
 */
public record ThreatQuery(
        List<String> tactics,
        List<String> techniques,
        List<String> assetTypes,
        List<String> accounts,
        List<String> users,
        List<String> severities,
        StatusFilter status,
        Long fromMillis,
        Long toMillis) {

    public ThreatQuery {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        assetTypes = List.copyOf(assetTypes);
        accounts = List.copyOf(accounts);
        users = List.copyOf(users);
        severities = List.copyOf(severities);
        status = status == null ? StatusFilter.OPEN : status;
    }

    /** Every open threat. */
    public static ThreatQuery open() {
        return new ThreatQuery(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), StatusFilter.OPEN, null, null);
    }

    public ThreatQuery withStatus(StatusFilter s) {
        return new ThreatQuery(tactics, techniques, assetTypes, accounts, users, severities, s, fromMillis, toMillis);
    }

    public ThreatQuery withTactics(List<String> t) {
        return new ThreatQuery(t, techniques, assetTypes, accounts, users, severities, status, fromMillis, toMillis);
    }

    public ThreatQuery withTechniques(List<String> t) {
        return new ThreatQuery(tactics, t, assetTypes, accounts, users, severities, status, fromMillis, toMillis);
    }

    public ThreatQuery withAccounts(List<String> a) {
        return new ThreatQuery(tactics, techniques, assetTypes, a, users, severities, status, fromMillis, toMillis);
    }

    public ThreatQuery withUsers(List<String> u) {
        return new ThreatQuery(tactics, techniques, assetTypes, accounts, u, severities, status, fromMillis, toMillis);
    }

    public ThreatQuery withAssetTypes(List<String> a) {
        return new ThreatQuery(tactics, techniques, a, accounts, users, severities, status, fromMillis, toMillis);
    }

    public ThreatQuery withSeverities(List<String> s) {
        return new ThreatQuery(tactics, techniques, assetTypes, accounts, users, s, status, fromMillis, toMillis);
    }

    public ThreatQuery between(Long from, Long to) {
        return new ThreatQuery(tactics, techniques, assetTypes, accounts, users, severities, status, from, to);
    }
}
