package dev.trailhound.core.event;

import java.time.Instant;

/**
 * The normalised identity behind an event, read from CloudTrail's {@code userIdentity}.
 *
 * <p>Every field may be {@code null} when the record does not carry it; CloudTrail omits fields freely
 * (anonymous S3 requests, AWS service events, failed sign-ins).
 *
 * @param identityType        {@code userIdentity.type}: IAMUser, AssumedRole, Root, FederatedUser, AWSService,
 *                            AWSAccount, IdentityCenterUser, Unknown...
 * @param arn                 {@code userIdentity.arn}
 * @param accountId           {@code userIdentity.accountId}: the account the identity belongs to
 * @param principalId         {@code userIdentity.principalId}
 * @param userName            the IAM user name, or the session name of an assumed role
 * @param accessKeyId         {@code userIdentity.accessKeyId}; ASIA... for temporary, AKIA... for long-term keys
 * @param invokedBy           {@code userIdentity.invokedBy}: the AWS service that made the call on the
 *                            principal's behalf
 * @param mfaAuthenticated    {@code sessionContext.attributes.mfaAuthenticated}, or for ConsoleLogin the
 *                            {@code additionalEventData.MFAUsed} answer
 * @param sessionCreationTime {@code sessionContext.attributes.creationDate}
 * @param sessionIssuerArn    {@code sessionContext.sessionIssuer.arn}: the role (or user) that issued the
 *                            temporary credentials
 * @param sessionIssuerName   {@code sessionContext.sessionIssuer.userName}: the role's name
 * @param sourceIdentity      {@code sessionContext.sourceIdentity}
 * @param fromConsole         {@code sessionCredentialFromConsole} is true: the credentials belong to a console
 *                            sign-in
 */
public record Principal(
        String identityType,
        String arn,
        String accountId,
        String principalId,
        String userName,
        String accessKeyId,
        String invokedBy,
        Boolean mfaAuthenticated,
        Instant sessionCreationTime,
        String sessionIssuerArn,
        String sessionIssuerName,
        String sourceIdentity,
        boolean fromConsole) {

    /**
     * True for AWS services acting on their own or on a principal's behalf: never an attacker session. The
     * sign-in service is the exception: {@code invokedBy: signin.amazonaws.com} marks the person's own console
     * actions (a password change, a root user's access key), which are theirs, not a service's.
     */
    public boolean isAwsService() {
        return "AWSService".equals(identityType)
                || invokedBy != null && !invokedBy.isBlank() && !invokedBy.equals("signin.amazonaws.com");
    }

    /** True when the access key is temporary (issued by STS: ASIA...). */
    public boolean hasTemporaryKey() {
        return accessKeyId != null && accessKeyId.startsWith("ASIA");
    }

    /** The role behind an assumed-role identity, or null. */
    public String roleName() {
        return "AssumedRole".equals(identityType) ? sessionIssuerName : null;
    }
}
