package dev.trailhound.core.baseline;

import dev.trailhound.core.detect.AutomationRecognizer;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose habits an event is judged against. An IAM user and root are their own subjects; a person signed in through
 * role sessions (IAM Identity Center permission sets, sessions named like an e-mail address) is one subject across
 * accounts and permission sets ({@code person:<session name>}); any other role is one subject
 * across all its sessions, whose names are run ids, instance ids or pod names that change with every session, so
 * that a CI role or an instance role keeps one baseline. AWS services and service-linked roles have none: they
 * are AWS's automation, not an identity someone can steal.
 *
 * @param key       the baseline's key (an ARN)
 * @param name      for explanations: the user, the person, or the role's name
 * @param accountId the account the identity belongs to
 * @param workload  a role used by software across sessions (CI, instances, functions): its habits are narrow and its
 *                  own, so what the account's people do says nothing about it
 */
public record Subject(String key, String name, String accountId, boolean workload) {
    private static final String SSO_ROLE_PREFIX = "AWSReservedSSO_";
    /** The key prefix of people signed in through role sessions (IAM Identity Center): one baseline per person. */
    public static final String PERSON_PREFIX = "person:";

    private static final int MAX_REMEMBERED = 65_536;
    private static final Subject NONE = new Subject("", "", null, false);
    /**
     * Subjects by principal key (which fixes everything a subject is made of but, for identities without an account,
     * the event's account; those are not remembered): worked out once per principal, not per event.
     */
    private static final Map<String, Subject> KNOWN = new ConcurrentHashMap<>();

    /** The subject of {@code event}, or null when the event's identity has no baseline. */
    public static Subject of(Event event) {
        String principalKey = event.principalKey();
        Subject known = principalKey == null ? null : KNOWN.get(principalKey);
        if (known != null) {
            return known == NONE ? null : known;
        }
        Subject subject = derive(event);
        if (principalKey != null && event.principal().accountId() != null) {
            if (KNOWN.size() >= MAX_REMEMBERED) {
                KNOWN.clear();
            }
            KNOWN.put(principalKey, subject == null ? NONE : subject);
        }
        return subject;
    }

    private static Subject derive(Event event) {
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
                // one person, whichever account and permission set they signed in to: where they work from, with what
                // and when is theirs, not the account's
                return new Subject(PERSON_PREFIX + session.toLowerCase(Locale.ROOT), session, account, false);
            }
            return new Subject(issuer, role, account, true);
        }
        String key = event.principalKey();
        if (key == null) {
            return null;
        }
        String name = p.userName() != null ? p.userName() : "Root".equals(type) ? "root" : key;
        return new Subject(key, name, account, false);
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
