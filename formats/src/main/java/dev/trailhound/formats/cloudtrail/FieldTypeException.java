package dev.trailhound.formats.cloudtrail;

/** A record field holds the wrong JSON type; the record is rejected with this message. */
final class FieldTypeException extends Exception {
    FieldTypeException(String field, String expected, Object actual) {
        super("field " + field + ": expected " + expected + ", found " + actual);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected outcome on bad input: no stack trace needed
    }
}
