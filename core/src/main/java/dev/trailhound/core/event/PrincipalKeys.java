package dev.trailhound.core.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose activity an event is: the key all of one principal's state is stored under (the partition key of a
 * partitioned runtime). Events with equal keys share state.
 *
 * <ul>
 *   <li>AWS service events: {@code aws-service:<service>}, the service that acted ({@code invokedBy}, else the
 *       event source).</li>
 *   <li>Identities with an ARN: the ARN, which for assumed roles includes the session name.</li>
 *   <li>A failed console sign-in names the IAM user but not its ARN: the user's path-less ARN, so that the
 *       failures and the success that follows are the same principal's.</li>
 *   <li>Otherwise account + principal id, else account + user name, else account + identity type.</li>
 * </ul>
 */
public final class PrincipalKeys {
    private static final int MAX_SERVICE_KEYS = 4096;
    private static final Map<String, String> SERVICE_KEYS = new ConcurrentHashMap<>();

    private PrincipalKeys() {}

    /** Prefer {@link Event#principalKey()}, which computes this once per event. */
    static String of(Event event) {
        Principal p = event.principal();
        if (p.isAwsService()) {
            String service = p.invokedBy() != null && !p.invokedBy().isBlank() ? p.invokedBy() : event.service();
            return serviceKey(service);
        }
        if (p.arn() != null && !p.arn().isBlank()) {
            return p.arn();
        }
        String account = p.accountId() != null ? p.accountId() : event.accountId();
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
}
