package dev.trailhound.simulator;

import java.util.HashSet;
import java.util.Set;

/**
 * Distinct principals of the planned visits, counted two ways: as CloudTrail names them ({@code userIdentity.arn},
 * which for a role includes the session name) and as identities with habits of their own, the way the anomaly
 * detector keys its baselines (a user; a person's session of an Identity Center role; any other role across all
 * its sessions; AWS services and service-linked roles not at all).
 */
final class PrincipalTally {
    private static final String SSO_ROLE_PREFIX = "AWSReservedSSO_";
    private static final String SERVICE_LINKED_PATH = "/aws-service-role/";

    private final Set<String> arns = new HashSet<>();
    private final Set<String> identities = new HashSet<>();

    void add(Credential credential) {
        String arn = credential.arn();
        if (arn == null) {
            return;
        }
        arns.add(arn);
        if (credential.invokedBy() != null) {
            return;
        }
        Role issuer = credential.issuer();
        if (issuer == null) {
            identities.add(arn);
        } else if (!issuer.path().startsWith(SERVICE_LINKED_PATH)) {
            boolean person = issuer.name().startsWith(SSO_ROLE_PREFIX) || credential.sessionName().contains("@");
            identities.add(person ? arn : issuer.arn());
        }
    }

    int arns() {
        return arns.size();
    }

    int identities() {
        return identities.size();
    }

    /** Between the two counts: what "distinct principals" means to either reader. */
    int estimate() {
        return (arns.size() + identities.size() + 1) / 2;
    }
}
