package dev.trailhound.store.threat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A {@link ThreatQuery} as a SQL condition on {@code threats t} with positional arguments; shared by the list,
 * the overview aggregates and suppression rules' filters so that they all filter alike.
 */
public final class ThreatFilterSql {
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final List<Object> arguments = new ArrayList<>();

    public ThreatFilterSql(ThreatQuery q) {
        switch (q.status()) {
            case OPEN -> equal("t.status", ThreatStatus.OPEN.label());
            case SUPPRESSED -> equal("t.status", ThreatStatus.SUPPRESSED.label());
            case ALL -> { }
        }
        in("t.account_id", q.accounts());
        in("t.user_name", q.users());
        in("t.asset_type", q.assetTypes());
        in("t.severity", q.severities().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        // the row's comma-wrapped ids (",TA0001,TA0006,"): no join per threat scanned
        anyLike("t.tactic_ids", q.tactics().stream().map(id -> "%," + likeLiteral(id) + ",%").toList());
        // a technique matches its sub-techniques too: T1098 finds ",T1098.001,"
        anyLike("t.technique_ids", q.techniques().stream()
                .flatMap(id -> Stream.of("%," + likeLiteral(id) + ",%", "%," + likeLiteral(id) + ".%")).toList());
        if (q.fromMillis() != null) {
            where.append(" and t.detection_ms >= ?");
            arguments.add(q.fromMillis());
        }
        if (q.toMillis() != null) {
            where.append(" and t.detection_ms < ?");
            arguments.add(q.toMillis());
        }
    }

    /** A value matched literally inside a LIKE pattern (backslash, the default escape of H2 and PostgreSQL). */
    private static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void equal(String column, Object value) {
        where.append(" and ").append(column).append(" = ?");
        arguments.add(value);
    }

    private void in(String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(" and ").append(column).append(" in (");
        for (int i = 0; i < values.size(); i++) {
            where.append(i == 0 ? "?" : ", ?");
            arguments.add(values.get(i));
        }
        where.append(')');
    }

    /** The column matches any of the LIKE patterns (none given: no condition). */
    private void anyLike(String column, List<String> patterns) {
        if (patterns.isEmpty()) {
            return;
        }
        where.append(" and (");
        for (int i = 0; i < patterns.size(); i++) {
            where.append(i == 0 ? "" : " or ").append(column).append(" like ?");
            arguments.add(patterns.get(i));
        }
        where.append(')');
    }

    /** Adds a condition of the caller's (its arguments in order). */
    public void and(String condition, List<Object> conditionArguments) {
        where.append(" and (").append(condition).append(')');
        arguments.addAll(conditionArguments);
    }

    public String where() {
        return where.toString();
    }

    public List<Object> arguments() {
        return arguments;
    }
}
