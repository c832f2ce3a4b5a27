package dev.trailhound.simulator;

import java.util.List;

/**
 * An AWS service acting on its own: service events (a backup job completed, a secret rotated) carry only the
 * account and the service; calls by a service principal (CloudTrail checking its bucket's ACL) carry an
 * {@code AWSService} identity. Neither is ever an attacker session.
 */
record AwsServiceActor(String serviceHost, boolean serviceEvents, Bindings bindings) implements Identity {

    @Override
    public Caller caller(Visit visit, long actorKey, World world) {
        Credential credential = serviceEvents ? Credential.serviceEvent(visit.account().id(), serviceHost)
                : Credential.awsService(serviceHost);
        return Caller.of(credential, serviceHost, serviceHost, null).withBindings(bindings);
    }

    @Override
    public void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out) {
    }

    @Override
    public String describe() {
        return "AWS service " + serviceHost;
    }
}
