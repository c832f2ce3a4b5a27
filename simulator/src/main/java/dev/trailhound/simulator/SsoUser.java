package dev.trailhound.simulator;

import java.util.List;

/**
 * A person who signs in through IAM Identity Center: its sign-in events land in the management account, its
 * work in the target account under the permission set's {@code AWSReservedSSO_*} role with the e-mail as
 * session name: in the browser (console) or with the AWS CLI.
 */
record SsoUser(String email, String storeUserId, String permissionSet, List<String> addresses, String browserAgent,
        String cliAgent) implements Identity {

    Role role(Account account) {
        return Role.stable(account.id(), "/aws-reserved/sso.amazonaws.com/", "AWSReservedSSO_" + permissionSet + "_"
                + IdMint.stableHex(16, SplitMix.hash(account.id() + "/" + permissionSet)));
    }

    private long key(Visit visit, long actorKey) {
        return SplitMix.derive(actorKey, visit.start());
    }

    @Override
    public Caller caller(Visit visit, long actorKey, World world) {
        long key = key(visit, actorKey);
        Credential credential = Credential.assumedRole(role(visit.account()), email, Identity.sessionKey(key),
                visit.start(), false);
        String ip = Identity.pick(addresses, SplitMix.mix(key));
        if (visit.console()) {
            return Caller.of(credential, ip, browserAgent, Tls.MODERN).asConsole();
        }
        return Caller.of(credential, ip, cliAgent, Tls.MODERN_256).asCli();
    }

    @Override
    public void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out) {
        Account management = world.organization().management();
        Credential portal = Credential.identityCenterUser(management.id(), storeUserId, email);
        Bindings target = world.vocabulary().bind("permissionSet", permissionSet, "targetAccount", visit.account().id());
        String ip = caller.sourceIp();
        if (visit.console()) {
            Caller browser = Caller.of(portal, ip, browserAgent, Tls.MODERN);
            out.add(new Placed(management, new Call(world.api("sso:Authenticate"), browser, visit.start() - 45, 0, null, null)));
            out.add(new Placed(management, new Call(world.api("sso:Federate"), browser, visit.start() - 20, 0, null, target)));
            Caller signIn = Caller.of(caller.credential().withoutAccessKey(), ip, browserAgent, Tls.MODERN);
            out.add(new Placed(visit.account(), new Call(world.api("signin:ConsoleLogin~federated"), signIn,
                    visit.start() - 5, 0, null, null)));
        } else {
            Caller cli = Caller.of(portal, ip, cliAgent, Tls.MODERN_256);
            out.add(new Placed(management, new Call(world.api("sso:GetRoleCredentials"), cli, visit.start() - 3, 0, null, target)));
        }
    }

    @Override
    public String describe() {
        return email + " (" + permissionSet + ")";
    }
}
