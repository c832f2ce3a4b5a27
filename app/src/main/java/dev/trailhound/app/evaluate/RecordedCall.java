package dev.trailhound.app.evaluate;

/**
 * What a captured record called and how it ended.
 *
 * @param call      "service:EventName", as the corpus labels spell calls
 * @param errorCode the record's {@code errorCode}, or null when the call succeeded
 */
record RecordedCall(String call, String errorCode) {
    /** The error code, or "(succeeded)". */
    String outcome() {
        return errorCode == null ? "(succeeded)" : errorCode;
    }
}
