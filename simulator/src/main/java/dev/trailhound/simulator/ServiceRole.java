package dev.trailhound.simulator;

import java.util.List;

/**
 * A service-linked role (AWS Config, Access Analyzer, GuardDuty...): the service calls under it from its own
 * service name, which CloudTrail records as source address, user agent and {@code invokedBy}.
 */
record ServiceRole(Role role, String sessionName, String serviceHost) implements Identity {

    @Override
    public Caller caller(Visit visit, long actorKey, World world) {
        long key = SplitMix.derive(actorKey, visit.start());
        Credential credential = Credential.assumedRole(role, sessionName, Identity.sessionKey(key), visit.start(), false)
                .withInvokedBy(serviceHost);
        return Caller.of(credential, serviceHost, serviceHost, null);
    }

    @Override
    public void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out) {
    }

    @Override
    public String describe() {
        return "service-linked role " + role.name();
    }
}
