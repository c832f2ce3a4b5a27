package dev.trailhound.core.session;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * The principal key (the partition key for state) is the identity's ARN, which for assumed roles includes
 * the session name; identities without an ARN fall back to account + principal id or user name.
 */
public final class SessionRules {
    private static final int MAX_SERVICE_KEYS = 4096;
    private static final Map<String, String> SERVICE_KEYS = new ConcurrentHashMap<>();

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
        Principal p = event.principal();
        if (p.isAwsService()) {
            String service = p.invokedBy() != null && !p.invokedBy().isBlank() ? p.invokedBy() : event.service();
            return serviceKey(service);
        }
        if (p.arn() != null && !p.arn().isBlank()) {
            return p.arn();
        }
        String account = p.accountId() != null ? p.accountId() : event.accountId();
        // A failed console sign-in names the IAM user but not its ARN: key it as the user's (path-less) ARN, so
        // that the failures and the success that follows are the same principal's.
        if ("IAMUser".equals(p.identityType()) && account != null && p.userName() != null && !p.userName().isBlank()) {
            return "arn:aws:iam::" + account + ":user/" + p.userName();
        }
        if (p.principalId() != null && !p.principalId().isBlank()) {
            return "principal:" + account + ":" + p.principalId();
        }
        if (p.userName() != null && !p.userName().isBlank()) {
            return "user:" + account + ":" + p.userName();
        }
        return "anonymous:" + account + ":" + p.identityType();
    }

    /**
     * {@code aws-service:<service>}, remembered for the first few thousand services: a sixth of CloudTrail is
     * service events, and building the same key for each of them is measurable in a scan.
     */
    private static String serviceKey(String service) {
        String key = SERVICE_KEYS.get(service);
        if (key == null) {
            key = "aws-service:" + service;
            if (SERVICE_KEYS.size() < MAX_SERVICE_KEYS) {
                SERVICE_KEYS.putIfAbsent(service, key);
            }
        }
        return key;
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
