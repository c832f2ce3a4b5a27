package dev.trailhound.simulator;

import java.util.List;

/**
 * A third party's cross-account role (a posture scanner): assumed with an external id from the vendor's own
 * AWS account, then used for a broad read-only sweep.
 */
record VendorRole(Role role, String vendorAccountId, String vendorPrincipalId, List<String> addresses, String agent)
        implements Identity {

    private long key(Visit visit, long actorKey) {
        return SplitMix.derive(actorKey, visit.start());
    }

    @Override
    public Caller caller(Visit visit, long actorKey, World world) {
        long key = key(visit, actorKey);
        Credential credential = Credential.assumedRole(role, "scan-" + IdMint.stableHex(10, key),
                Identity.sessionKey(key), visit.start(), false);
        return Caller.of(credential, Identity.pick(addresses, SplitMix.mix(key)), agent, Tls.MODERN);
    }

    @Override
    public void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out) {
        Caller vendor = Caller.of(Credential.otherAccount(vendorAccountId, vendorPrincipalId), caller.sourceIp(), agent,
                Tls.MODERN);
        Bindings assumed = Identity.assumption(world, role, caller.credential().sessionName(),
                caller.credential().accessKeyId()).and(world.vocabulary().bind("externalId",
                IdMint.stableHex(24, SplitMix.hash(vendorAccountId + role.accountId()))));
        out.add(new Placed(visit.account(), new Call(world.api("sts:AssumeRole~external"), vendor, visit.start() - 2, 0,
                null, assumed)));
    }

    @Override
    public String describe() {
        return "vendor role " + role.name() + " (account " + vendorAccountId + ")";
    }
}
