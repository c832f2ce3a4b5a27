package dev.trailhound.core.baseline;

import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;

/**
 * Whose habits an event is judged against. An IAM user, root, and a person's role session (IAM Identity Center
 * permission sets, sessions named like an e-mail address) are their own subjects; any other role is one subject
 * across all its sessions, whose names are run ids, instance ids or pod names that change with every session, so
 * that a CI role or an instance role keeps one baseline. AWS services and service-linked roles have none: they
 * are AWS's automation, not an identity someone can steal.
 *
 * @param key       the baseline's key (an ARN)
 * @param name      for explanations: the user, the person, or the role's name
 * @param accountId the account the identity belongs to
 */
public record Subject(String key, String name, String accountId) {
    private static final String SSO_ROLE_PREFIX = "AWSReservedSSO_";

    /** The subject of {@code event}, or null when the event's identity has no baseline. */
    public static Subject of(Event event) {
        Principal p = event.principal();
        if (p.isAwsService()) {
            return null;
        }
        String account = p.accountId() != null ? p.accountId() : event.accountId();
        String type = p.identityType();
        if ("AssumedRole".equals(type) && p.sessionIssuerArn() != null) {
            String issuer = p.sessionIssuerArn();
            if (AutomationRecognizer.isServiceLinked(p)) {
                return null;
            }
            String role = p.sessionIssuerName() != null ? p.sessionIssuerName() : issuer.substring(issuer.lastIndexOf('/') + 1);
            String session = sessionName(p);
            if (session != null && (role.startsWith(SSO_ROLE_PREFIX) || session.contains("@"))) {
                return new Subject(event.principalKey(), session, account);
            }
            return new Subject(issuer, role, account);
        }
        String key = event.principalKey();
        if (key == null) {
            return null;
        }
        String name = p.userName() != null ? p.userName() : "Root".equals(type) ? "root" : key;
        return new Subject(key, name, account);
    }

    private static String sessionName(Principal p) {
        String arn = p.arn();
        if (arn == null) {
            return p.userName();
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : p.userName();
    }
}
