package dev.trailhound.web.auth;

/** What {@link LoginLimiter#admit} answered for one attempt to sign in (or to prove one's current password). */
public sealed interface LoginAttempt {
    /**
     * The password may be checked. The attempt already counts as a failure (so that many attempts at once cannot
     * slip past the limit) until {@link LoginLimiter#succeeded} takes it back.
     *
     * @param usernameLockedUntilMillis should this attempt fail, until when the username is locked because of it; 0
     *                                  when this attempt does not complete a lockout
     * @param addressLockedUntilMillis  the same for the client address
     */
    record Admitted(String username, String address, long atMillis, long usernameLockedUntilMillis,
                    long addressLockedUntilMillis) implements LoginAttempt {
        public boolean locksUsername() {
            return usernameLockedUntilMillis > 0;
        }

        public boolean locksAddress() {
            return addressLockedUntilMillis > 0;
        }
    }

    /**
     * Too many recent failures: refused without checking the password.
     *
     * @param byUsername true when the username is locked, false when the client address is
     */
    record Refused(long retryAtMillis, boolean byUsername) implements LoginAttempt {}
}
