package dev.trailhound.simulator;

import java.util.List;

/**
 * How a principal authenticates: the caller of each of its visits (credential, address, user agent), and the
 * events that open a visit (sign-in, role assumption), which may land in another account than the visit.
 * Everything is derived from {@code actorKey} and the visit, never from shared random state.
 */
sealed interface Identity permits SsoUser, IamUser, WorkloadRole, FederatedRole, ServiceRole, VendorRole, AwsServiceActor {

    Caller caller(Visit visit, long actorKey, World world);

    /** Adds the visit's opening events to {@code out}. */
    void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out);

    /** A readable name of the principal for labels and docs. */
    String describe();

    static String sessionKey(long key) {
        return IdMint.stableAwsId("ASIA", 16, key);
    }

    static String pick(List<String> options, long key) {
        return options.get((int) Math.floorMod(key, (long) options.size()));
    }

    /** Bindings that make an sts:AssumeRole* record name the session the caller then uses. */
    static Bindings assumption(World world, Role role, String sessionName, String sessionKey) {
        return world.vocabulary().bind("assumedRoleArn", role.arn(), "roleSessionName", sessionName,
                "sessKey", sessionKey, "assumedRoleId", role.id() + ":" + sessionName,
                "assumedArn", role.sessionArn(sessionName));
    }
}
