package dev.trailhound.app.scan;

/** The {@code --accounts} file is unusable; the message says where and why. */
public final class InvalidAccountsFileException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidAccountsFileException(String message) {
        super(message);
    }
}
