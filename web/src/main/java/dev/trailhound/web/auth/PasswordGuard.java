package dev.trailhound.web.auth;

import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.audit.AuditEntry;
import dev.trailhound.store.audit.AuditLog;
import dev.trailhound.web.ApiProblem;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Password checks under the {@link LoginLimiter}: sign-in, and a user proving their current password to change it.
 * A locked username or address is refused with 429 before any password is checked; the failure that locks one is
 * audited ({@code login.locked}).
 */
public final class PasswordGuard {
    /** Who the audit log names for what the service itself decides. */
    static final String SERVICE = "trailhound";

    private final LoginLimiter limiter;
    private final AuditLog audit;
    private final InstantSource clock;

    public PasswordGuard(LoginLimiter limiter, AuditLog audit, InstantSource clock) {
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
    }

    /** Admits an attempt to check {@code username}'s password from {@code address}, or throws a 429 problem. */
    public LoginAttempt.Admitted admit(String username, String address, String usernameField) {
        return switch (limiter.admit(username, address)) {
            case LoginAttempt.Admitted admitted -> admitted;
            case LoginAttempt.Refused refused -> {
                Instant retryAt = Instant.ofEpochMilli(refused.retryAtMillis());
                String who = refused.byUsername() ? "for this username" : "from this address";
                throw ApiProblem.tooManyRequests(refused.byUsername() ? usernameField : null,
                        "too many failed sign-ins " + who + "; try again after " + ThreatJsonWriter.time(refused.retryAtMillis()),
                        retryAt, clock.instant());
            }
        };
    }

    /** The password was wrong: audits the lockout this failure completes, if it does. */
    public void failed(LoginAttempt.Admitted attempt) {
        LoginLimits limits = limiter.limits();
        long minutes = limits.window().toMinutes();
        if (attempt.locksUsername()) {
            audit.record(new AuditEntry(clock.millis(), SERVICE, "login.locked", attempt.username(),
                    limits.perUsername() + " failed sign-ins for this username within " + minutes + " min (last from "
                            + attempt.address() + "); refused until " + ThreatJsonWriter.time(attempt.usernameLockedUntilMillis())));
        }
        if (attempt.locksAddress()) {
            audit.record(new AuditEntry(clock.millis(), SERVICE, "login.locked", attempt.address(),
                    limits.perAddress() + " failed sign-ins from this address within " + minutes + " min (last for "
                            + attempt.username() + "); refused until " + ThreatJsonWriter.time(attempt.addressLockedUntilMillis())));
        }
    }

    /** The password was right: the username's failures are forgotten. */
    public void succeeded(LoginAttempt.Admitted attempt) {
        limiter.succeeded(attempt);
    }
}
