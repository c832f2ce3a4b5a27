package dev.trailhound.core.baseline;

/**
 * One way an event departs from its identity's baseline.
 *
 * @param kind     which habit: action, network, agent, region, hour, target, errors, volume
 * @param value    the new value ({@code iam:CreateAccessKey}, {@code 203.0.113.0/24}...)
 * @param weight   how much it adds to the session's anomaly score
 * @param category for actions, how sensitive; else null
 * @param eventId  the event that showed it
 * @param text     the explanation, in words and numbers from the baseline
 */
record Signal(String kind, String value, double weight, ActionCategory category, String eventId, String text) {
    /** Signals are counted once per session per kind and value. */
    String identity() {
        return kind + "\u0000" + value;
    }
}
