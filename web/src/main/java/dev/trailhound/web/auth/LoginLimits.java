package dev.trailhound.web.auth;

import java.time.Duration;

/**
 * How many failed sign-ins are allowed within a window: per username, and per client address (which stops one
 * client trying many usernames).
 */
public record LoginLimits(int perUsername, int perAddress, Duration window) {
    public LoginLimits {
        if (perUsername < 1 || perAddress < 1) {
            throw new IllegalArgumentException("login limits must allow at least one attempt");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the login limits' window must be positive, was " + window);
        }
    }

    /** 5 failures per username, 20 per client address, within 15 minutes. */
    public static LoginLimits standard() {
        return new LoginLimits(5, 20, Duration.ofMinutes(15));
    }
}
