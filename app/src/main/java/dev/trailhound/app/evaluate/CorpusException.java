package dev.trailhound.app.evaluate;

/** A corpus label file that is missing or not in the expected shape; the message names the file and why. */
final class CorpusException extends RuntimeException {
    CorpusException(String message) {
        super(message);
    }
}
