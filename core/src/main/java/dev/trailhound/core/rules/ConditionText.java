package dev.trailhound.core.rules;

/** A {@code condition} expression as written, with where it starts (columns in problems count from there). */
public record ConditionText(String text, SourceLocation where) {
}
