package dev.trailhound.core.rules.condition;

/** A condition that does not parse; {@code column} counts from 1 within the condition text. */
public final class ConditionSyntaxException extends Exception {
    private final int column;

    public ConditionSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
