package dev.trailhound.formats.cloudtrail;

import dev.trailhound.core.event.Principal;
import java.time.Instant;

/** Scratch space for the userIdentity fields of one record while it is being decoded. */
final class DecodedIdentity {
    String type;
    String arn;
    String accountId;
    String principalId;
    String userName;
    String accessKeyId;
    String invokedBy;
    String creationDate;
    Boolean mfa;
    String issuerArn;
    String issuerName;
    String sourceIdentity;

    void clear() {
        type = arn = accountId = principalId = userName = accessKeyId = invokedBy = null;
        creationDate = issuerArn = issuerName = sourceIdentity = null;
        mfa = null;
    }

    Principal toPrincipal(boolean fromConsole, Boolean consoleMfa, EventTimeParser times) {
        Instant created = null;
        if (creationDate != null) {
            long millis = times.parseMillis(creationDate);
            created = millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
        }
        String name = userName;
        if (name == null && "AssumedRole".equals(type) && arn != null) {
            // assumed-role ARNs end in /<role>/<session name>: the session name is who is acting
            name = arn.substring(arn.lastIndexOf('/') + 1);
        }
        return new Principal(type, arn, accountId, principalId, name, accessKeyId, invokedBy,
                mfa != null ? mfa : consoleMfa, created, issuerArn, issuerName, sourceIdentity, fromConsole);
    }
}
