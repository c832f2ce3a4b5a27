package dev.trailhound.simulator;

import java.util.List;

/**
 * A pipeline's role assumed through OIDC web identity (GitHub Actions): each run opens with
 * {@code sts:AssumeRoleWithWebIdentity} from a hosted runner and works under a fresh session.
 */
record FederatedRole(Role role, String sessionPrefix, String subject, List<String> runnerAddresses, String agent,
        String stsAgent) implements Identity {

    private long key(Visit visit, long actorKey) {
        return SplitMix.derive(actorKey, visit.start());
    }

    private String sessionName(long key) {
        return sessionPrefix + (sessionPrefix.endsWith("-") ? IdMint.stableHex(12, key) : "");
    }

    @Override
    public Caller caller(Visit visit, long actorKey, World world) {
        long key = key(visit, actorKey);
        Credential credential = Credential.assumedRole(role, sessionName(key), Identity.sessionKey(key),
                visit.start(), false);
        return Caller.of(credential, Identity.pick(runnerAddresses, SplitMix.mix(key)), agent, Tls.MODERN);
    }

    @Override
    public void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out) {
        long key = key(visit, actorKey);
        Credential oidc = Credential.webIdentityUser("token.actions.githubusercontent.com", "sts.amazonaws.com", subject);
        Caller runner = Caller.of(oidc, caller.sourceIp(), stsAgent, Tls.MODERN);
        Bindings assumed = Identity.assumption(world, role, sessionName(key), caller.credential().accessKeyId())
                .and(world.vocabulary().bind("oidcSubject", subject));
        out.add(new Placed(visit.account(), new Call(world.api("sts:AssumeRoleWithWebIdentity"), runner,
                visit.start() - 2, 0, null, assumed)));
    }

    @Override
    public String describe() {
        return "pipeline role " + role.name() + " (" + subject + ")";
    }
}
