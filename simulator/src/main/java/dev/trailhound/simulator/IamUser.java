package dev.trailhound.simulator;

import java.util.List;

/**
 * An IAM user: a long-term access key used from scripts or the CLI, and, for people, console sign-ins with
 * or without MFA whose sessions run on temporary keys.
 */
record IamUser(String userName, String userId, String accessKeyId, List<String> addresses, String agent, boolean cli,
        String browserAgent, boolean mfa) implements Identity {

    @Override
    public Caller caller(Visit visit, long actorKey, World world) {
        long key = SplitMix.derive(actorKey, visit.start());
        String ip = Identity.pick(addresses, SplitMix.mix(key));
        String account = visit.account().id();
        if (visit.console()) {
            Credential session = Credential.iamUserSession(account, userName, userId, Identity.sessionKey(key),
                    visit.start(), mfa);
            return Caller.of(session, ip, browserAgent, Tls.MODERN).asConsole();
        }
        Caller caller = Caller.of(Credential.iamUser(account, userName, userId, accessKeyId), ip, agent, Tls.MODERN);
        return cli ? caller.asCli() : caller;
    }

    @Override
    public void opening(Visit visit, Caller caller, long actorKey, World world, List<Placed> out) {
        if (!visit.console()) {
            return;
        }
        Credential identity = Credential.iamUser(visit.account().id(), userName, userId, null);
        Caller signIn = Caller.of(identity, caller.sourceIp(), browserAgent, Tls.MODERN);
        Bindings result = world.vocabulary().bind("mfaUsed", mfa ? "Yes" : "No", "loginResult", "Success");
        out.add(new Placed(visit.account(), new Call(world.api("signin:ConsoleLogin"), signIn, visit.start() - 5, 0,
                null, result)));
    }

    @Override
    public String describe() {
        return "IAM user " + userName;
    }
}
