package dev.trailhound.core.session;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import dev.trailhound.core.event.PrincipalKeys;

/**
 * Decides which principal an event belongs to and how its session is found.
 *
 * <ol>
 *   <li>AWS service events ({@code userIdentity.type} AWSService, or any {@code invokedBy}) never form an
 *       attacker session.</li>
 *   <li>Console sessions ({@code sessionCredentialFromConsole}, with a session creation date): principal +
 *       creation time, because the console rotates the temporary keys under one sign-in.</li>
 *   <li>Other temporary credentials ({@code ASIA...} access keys): the access key id.</li>
 *   <li>Everything else (long-term {@code AKIA...} keys, root, sign-in events, identities without a key): the
 *       principal's activity, split where it pauses for longer than the inactivity gap.</li>
 * </ol>
 * The principal key (the partition key for state) is {@link Event#principalKey()}: see {@link PrincipalKeys}.
 */
public final class SessionRules {
    private SessionRules() {}

    public static SessionKind kindOf(Event event) {
        Principal p = event.principal();
        if (p.isAwsService()) {
            return SessionKind.AWS_SERVICE;
        }
        if (p.fromConsole() && p.sessionCreationTime() != null) {
            return SessionKind.CONSOLE;
        }
        if (p.hasTemporaryKey()) {
            return SessionKind.TEMPORARY_KEY;
        }
        return SessionKind.ACTIVITY;
    }

    /** The key all of one principal's state is stored under; events with equal keys share state. */
    public static String principalKey(Event event) {
        return event.principalKey();
    }

    /** Within a principal, the key of the session the event belongs to (null for activity sessions). */
    public static String credentialKey(Event event, SessionKind kind) {
        return switch (kind) {
            case TEMPORARY_KEY -> "key:" + event.principal().accessKeyId();
            case CONSOLE -> "console:" + event.principal().sessionCreationTime().toEpochMilli();
            case ACTIVITY, AWS_SERVICE -> null;
        };
    }
}
