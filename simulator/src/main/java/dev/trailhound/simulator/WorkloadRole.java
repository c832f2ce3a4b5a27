package dev.trailhound.simulator;

import java.util.List;

/**
 * A workload's role: an EC2 instance profile, a Lambda function's or an ECS task's role. The service assumes
 * the role ({@code sts:AssumeRole} by the AWS service principal) at every credential rotation, and the workload
 * calls AWS under the session named after the instance, function or task, always from its own region.
 *
 * @param sessionBindings values the workload's calls always use (its own instance id, its function name)
 */
record WorkloadRole(Role role, String sessionName, String serviceHost, String address, String agent, int region,
        AroundTheClock rotation, boolean instanceProfile, Bindings sessionBindings) implements Identity {

    private long key(Visit visit, long actorKey) {
        return SplitMix.derive(actorKey, rotation.periodStart(visit.start()));
    }

    @Override
    public Caller caller(Visit visit, long actorKey, World world) {
        long periodStart = rotation.periodStart(visit.start());
        Credential credential = Credential.assumedRole(role, sessionName, Identity.sessionKey(key(visit, actorKey)),
                periodStart, false);
        if (instanceProfile) {
            credential = credential.withEc2RoleDelivery();
        }
        return Caller.of(credential, address, agent, Tls.MODERN).withBindings(sessionBindings);
    }

    @Override
    public void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out) {
        if (visit.start() != rotation.periodStart(visit.start())) {
            return; // the credentials of this period were issued on the previous day
        }
        Caller service = Caller.of(Credential.awsService(serviceHost), serviceHost, serviceHost, null);
        Bindings assumed = Identity.assumption(world, role, sessionName, caller.credential().accessKeyId());
        out.add(new Placed(visit.account(), new Call(world.api("sts:AssumeRole"), service, visit.start(), region,
                null, assumed)));
    }

    @Override
    public String describe() {
        return "workload role " + role.name() + " (" + sessionName + ")";
    }
}
