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
        // the subject depends on the principal key alone, but for the account of identities without one
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
        String key = event.principalKey();
        if (key == null || key.startsWith("anonymous:") || "ANONYMOUS_PRINCIPAL".equals(p.principalId())
                || "ANONYMOUS_PRINCIPAL".equals(p.accountId())) {
            return null;   // the internet at large is nobody's habit
        }
        String[] roleAndSession = "AssumedRole".equals(type) ? roleAndSession(p.arn()) : null;
        if (roleAndSession != null) {
            // everything from the session's ARN, never from optional fields (sessionIssuer is missing from some
            // records), so that every event of one ARN gets the same subject
            String role = roleAndSession[0];
            String session = roleAndSession[1];
            if (AutomationRecognizer.isServiceLinked(p.sessionIssuerArn(), role)) {
                return null;
            }
            if (role.startsWith(SSO_ROLE_PREFIX) || session.contains("@")) {
                // one person, whichever account and permission set they signed in to: where they work from, with what
                // and when is theirs, not the account's
                return new Subject(PERSON_PREFIX + session.toLowerCase(Locale.ROOT), session, account, false);
            }
            return new Subject("arn:aws:iam::" + roleAndSession[2] + ":role/" + role, role, account, true);
        }
        String name = p.userName() != null ? p.userName() : "Root".equals(type) ? "root" : key;
        return new Subject(key, name, account, false);
    }

    /** {role, session, account} of {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}, or null. */
    private static String[] roleAndSession(String arn) {
        if (arn == null) {
            return null;
        }
        int marker = arn.indexOf(":assumed-role/");
        int slash = marker < 0 ? -1 : arn.indexOf('/', marker + ":assumed-role/".length());
        if (marker < 0 || slash < 0 || slash == arn.length() - 1) {
            return null;
        }
        int accountStart = arn.lastIndexOf(':', marker - 1) + 1;
        return new String[] {arn.substring(marker + ":assumed-role/".length(), slash), arn.substring(slash + 1),
                arn.substring(accountStart, marker)};
    }

}
