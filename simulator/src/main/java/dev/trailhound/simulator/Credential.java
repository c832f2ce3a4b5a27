package dev.trailhound.simulator;

/**
 * Who made a call, as CloudTrail's {@code userIdentity} shows it. One record covers every identity type; the
 * factories below build the combinations AWS actually emits, and {@link #writeTo} writes the fields in
 * CloudTrail's order. {@code creationDate} is epoch seconds, or -1 when the identity has no session context.
 */
record Credential(
        String type,
        String principalId,
        String arn,
        String accountId,
        String accessKeyId,
        String userName,
        Role issuer,
        long creationDate,
        boolean mfa,
        String invokedBy,
        String sourceIdentity,
        String webIdentityProvider,
        boolean ec2RoleDelivery) {

    static Credential iamUser(String accountId, String userName, String userId, String accessKeyId) {
        return new Credential("IAMUser", userId, "arn:aws:iam::" + accountId + ":user/" + userName, accountId,
                accessKeyId, userName, null, -1, false, null, null, null, false);
    }

    /** An IAM user's console session: temporary ASIA key, session context with an empty issuer. */
    static Credential iamUserSession(String accountId, String userName, String userId, String sessionKey,
            long creationDate, boolean mfa) {
        return new Credential("IAMUser", userId, "arn:aws:iam::" + accountId + ":user/" + userName, accountId,
                sessionKey, userName, null, creationDate, mfa, null, null, null, false);
    }

    static Credential assumedRole(Role role, String sessionName, String sessionKey, long creationDate, boolean mfa) {
        return new Credential("AssumedRole", role.id() + ":" + sessionName, role.sessionArn(sessionName),
                role.accountId(), sessionKey, null, role, creationDate, mfa, null, null, null, false);
    }

    static Credential root(String accountId, String sessionKey, long creationDate, boolean mfa) {
        return new Credential("Root", accountId, "arn:aws:iam::" + accountId + ":root", accountId, sessionKey, null,
                null, creationDate, mfa, null, null, null, false);
    }

    /** An AWS service acting on its own behalf (e.g. ec2.amazonaws.com assuming an instance role). */
    static Credential awsService(String host) {
        return new Credential("AWSService", null, null, null, null, null, null, -1, false, host, null, null, false);
    }

    /** The bare identity of an AwsServiceEvent: just the account and the service. */
    static Credential serviceEvent(String accountId, String host) {
        return new Credential(null, null, null, accountId, null, null, null, -1, false, host, null, null, false);
    }

    static Credential webIdentityUser(String provider, String audience, String subject) {
        return new Credential("WebIdentityUser", provider + ":" + audience + ":" + subject, null, null, null,
                subject, null, -1, false, null, null, provider, false);
    }

    /** An IAM Identity Center user as the management account's sso.amazonaws.com events show it. */
    static Credential identityCenterUser(String accountId, String identityStoreUserId, String email) {
        return new Credential("Unknown", identityStoreUserId, null, accountId, null, email, null, -1, false, null,
                null, null, false);
    }

    /** A principal of another account, e.g. a vendor's user assuming a role here. */
    static Credential otherAccount(String accountId, String principalId) {
        return new Credential("AWSAccount", principalId, null, accountId, null, null, null, -1, false, null, null,
                null, false);
    }

    Credential withInvokedBy(String host) {
        return new Credential(type, principalId, arn, accountId, accessKeyId, userName, issuer, creationDate, mfa,
                host, sourceIdentity, webIdentityProvider, ec2RoleDelivery);
    }

    /** The identity before credentials exist, e.g. on a federated ConsoleLogin. */
    Credential withoutAccessKey() {
        return new Credential(type, principalId, arn, accountId, null, userName, issuer, creationDate, mfa,
                invokedBy, sourceIdentity, webIdentityProvider, ec2RoleDelivery);
    }

    Credential withSourceIdentity(String identity) {
        return new Credential(type, principalId, arn, accountId, accessKeyId, userName, issuer, creationDate, mfa,
                invokedBy, identity, webIdentityProvider, ec2RoleDelivery);
    }

    Credential withWebIdentityProvider(String provider) {
        return new Credential(type, principalId, arn, accountId, accessKeyId, userName, issuer, creationDate, mfa,
                invokedBy, sourceIdentity, provider, ec2RoleDelivery);
    }

    Credential withEc2RoleDelivery() {
        return new Credential(type, principalId, arn, accountId, accessKeyId, userName, issuer, creationDate, mfa,
                invokedBy, sourceIdentity, webIdentityProvider, true);
    }

    /** The session name of an assumed role, or the user name. */
    String sessionName() {
        if (issuer != null) {
            return principalId.substring(principalId.indexOf(':') + 1);
        }
        return userName;
    }

    void writeTo(JsonBytes out) {
        out.beginObject();
        if (type != null) {
            out.field("type", type);
        }
        if ("WebIdentityUser".equals(type)) {
            out.field("principalId", principalId).field("userName", userName)
                    .field("identityProvider", webIdentityProvider);
            out.endObject();
            return;
        }
        if (principalId != null) {
            out.field("principalId", principalId);
        }
        if (arn != null) {
            out.field("arn", arn);
        }
        if (accountId != null) {
            out.field("accountId", accountId);
        }
        if (accessKeyId != null) {
            out.field("accessKeyId", accessKeyId);
        }
        if (userName != null) {
            out.field("userName", userName);
        }
        if (creationDate >= 0) {
            writeSessionContext(out);
        }
        if (invokedBy != null) {
            out.field("invokedBy", invokedBy);
        }
        out.endObject();
    }

    private void writeSessionContext(JsonBytes out) {
        out.name("sessionContext").beginObject();
        out.name("sessionIssuer").beginObject();
        if (issuer != null) {
            out.field("type", "Role").field("principalId", issuer.id()).field("arn", issuer.arn())
                    .field("accountId", issuer.accountId()).field("userName", issuer.name());
        }
        out.endObject();
        out.name("webIdFederationData").beginObject();
        if (webIdentityProvider != null) {
            out.field("federatedProvider", webIdentityProvider);
            out.name("attributes").beginObject().endObject();
        }
        out.endObject();
        out.name("attributes").beginObject()
                .field("creationDate", TimeFormat.iso(creationDate))
                .field("mfaAuthenticated", mfa ? "true" : "false")
                .endObject();
        if (sourceIdentity != null) {
            out.field("sourceIdentity", sourceIdentity);
        }
        if (ec2RoleDelivery) {
            out.field("ec2RoleDelivery", "2.0");
        }
        out.endObject();
    }
}
