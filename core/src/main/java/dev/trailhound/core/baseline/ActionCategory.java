package dev.trailhound.core.baseline;

import java.util.List;

/**
 * How sensitive an action is, for anomaly detection: a never-seen call weighs by its category, and an anomaly's
 * ATT&CK techniques (v19) come from the categories of the calls that made it. Which action is in which category
 * is data: {@code action-categories.tsv}.
 */
public enum ActionCategory {
    IAM_CHANGE("an IAM or permission change", 1.0, List.of("TA0004", "TA0003"), List.of("T1098", "T1098.003")),
    CREDENTIALS("a credential change", 1.0, List.of("TA0003"), List.of("T1098.001")),
    ACCOUNT_CREATION("an identity creation", 1.0, List.of("TA0003"), List.of("T1136.003")),
    AUTHENTICATION("an authentication change", 1.0, List.of("TA0006", "TA0003"), List.of("T1556")),
    SECRETS("a secret or parameter read", 0.8, List.of("TA0006"), List.of("T1555.006")),
    LOGGING_SECURITY("a change to logging or security tooling", 1.0, List.of("TA0112"), List.of("T1685.002", "T1685")),
    SHARING_POLICY("a sharing or resource-policy change", 0.8, List.of("TA0010"), List.of("T1537")),
    COMPUTE_LAUNCH("a compute launch", 0.6, List.of("TA0112", "TA0040"), List.of("T1578.002", "T1496")),
    DATA_ACCESS("a data read", 0.5, List.of("TA0009"), List.of("T1530")),
    DESTRUCTION("a deletion", 0.6, List.of("TA0040"), List.of("T1485")),
    IDENTITY_DISCOVERY("identity discovery", 0.2, List.of("TA0007"), List.of("T1087.004", "T1069.003")),
    DISCOVERY("discovery", 0.15, List.of("TA0007"), List.of("T1526", "T1580")),
    OTHER_WRITE("a change", 0.3, List.of("TA0001"), List.of("T1078.004")),
    OTHER_READ("a read", 0.1, List.of("TA0001"), List.of("T1078.004"));

    /** What stolen credentials used "normally" are (Initial Access: Valid Accounts: Cloud Accounts), when no action says more. */
    public static final List<String> VALID_ACCOUNTS_TACTICS = List.of("TA0001");
    public static final List<String> VALID_ACCOUNTS = List.of("T1078.004");

    private final String description;
    private final double weight;
    private final List<String> tactics;
    private final List<String> techniques;

    ActionCategory(String description, double weight, List<String> tactics, List<String> techniques) {
        this.description = description;
        this.weight = weight;
        this.tactics = tactics;
        this.techniques = techniques;
    }

    /** ATT&CK v19 tactic ids: the tactics the techniques serve when used this way. */
    public List<String> tactics() {
        return tactics;
    }

    /** Words for an explanation: "a credential change". */
    public String description() {
        return description;
    }

    /** How much a first-seen call of this category adds to a session's anomaly score. */
    public double weight() {
        return weight;
    }

    /** ATT&CK v19 technique ids. */
    public List<String> techniques() {
        return techniques;
    }

    /** Reading what exists (discovery and ordinary reads): cheap, common, explored by people all the time. */
    public boolean reads() {
        return this == DISCOVERY || this == IDENTITY_DISCOVERY || this == OTHER_READ;
    }

    /** At least as sensitive as a secret read: worth a detection line of its own. */
    public boolean sensitive() {
        return weight >= 0.6;
    }
}
