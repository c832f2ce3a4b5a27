package dev.trailhound.store.threat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        if (!q.tactics().isEmpty()) {
            // the row's comma-wrapped tactic ids (",TA0001,TA0006,"): no join per threat scanned
            where.append(" and (");
            for (int i = 0; i < q.tactics().size(); i++) {
                where.append(i == 0 ? "" : " or ").append("t.tactic_ids like ?");
                arguments.add("%," + likeLiteral(q.tactics().get(i)) + ",%");
            }
            where.append(')');
        }
        if (!q.techniques().isEmpty()) {
            // a technique matches its sub-techniques too: T1098 finds ",T1098.001,"
            where.append(" and (");
            for (int i = 0; i < q.techniques().size(); i++) {
                String id = likeLiteral(q.techniques().get(i));
                where.append(i == 0 ? "" : " or ").append("t.technique_ids like ? or t.technique_ids like ?");
                arguments.add("%," + id + ",%");
                arguments.add("%," + id + ".%");
            }
            where.append(')');
        }
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
        if (!values.isEmpty()) {
            where.append(" and ");
            inList(column, values);
        }
    }

    private void inList(String column, List<String> values) {
        where.append(column).append(" in (");
        for (int i = 0; i < values.size(); i++) {
            where.append(i == 0 ? "?" : ", ?");
            arguments.add(values.get(i));
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
