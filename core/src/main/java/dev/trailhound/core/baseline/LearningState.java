package dev.trailhound.core.baseline;

import java.time.Instant;

/**
 * Whether a baseline still only learns, for people and the API: "learning, 3 of 7 days".
 *
 * @param key           the identity's (or account's) baseline key
 * @param firstSeen     its first event
 * @param daysObserved  whole days of event time since then
 * @param learningDays  the learning period in days
 * @param learning      true while no anomaly is raised for it
 */
public record LearningState(String key, Instant firstSeen, long daysObserved, long learningDays, boolean learning) {
    @Override
    public String toString() {
        return learning ? "learning, " + daysObserved + " of " + learningDays + " days"
                : "judging, baseline of " + daysObserved + " days";
    }
}
