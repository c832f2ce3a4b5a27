package dev.trailhound.app.evaluate;

/**
 * How much of a set of threats one rule is responsible for.
 *
 * @param rule       "ruleId title"
 * @param threats    threats with at least one of its detections
 * @param detections its detections in them
 */
public record RuleTally(String rule, long threats, long detections) {
}
