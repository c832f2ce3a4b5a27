package dev.trailhound.simulator;

import java.util.List;

/** Attacks on identities: leaked keys turned into backdoor users and roles, console takeover, secret theft. */
final class IdentityAttacks {
    static final String ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";
    /** The access key the backdoor user of {@link #leakedCiKey} receives; {@code InfrastructureAttacks} uses it. */
    static final String BACKDOOR_USER = "svc-backup-admin";

    private IdentityAttacks() {
    }

    static List<Scenario> all(ScenarioStage stage) {
        return List.of(leakedCiKey(stage), consoleTakeover(stage), roleBackdoor(stage), secretsHarvest(stage));
    }

    static String backdoorKey(ScenarioStage stage) {
        return IdMint.stableAwsId("AKIA", 16, SplitMix.derive(stage.seed(), SplitMix.hash("backdoor-key")));
    }

    static String backdoorUserId(ScenarioStage stage) {
        return IdMint.stableAwsId("AIDA", 17, SplitMix.derive(stage.seed(), SplitMix.hash("backdoor-user")));
    }

    /** A CI user's long-term key leaks; at night the attacker enumerates IAM and creates an admin user. */
    static Scenario leakedCiKey(ScenarioStage stage) {
        Account dev = stage.account("dev");
        String id = "leaked-ci-key-admin-backdoor";
        Caller attacker = Caller.of(stage.keyOf("iam/jenkins-deploy", dev), stage.attackerAddress(id),
                ScenarioStage.KALI_CLI, Tls.LEGACY);
        Script s = stage.script(id, dev, stage.at(0.55, 2, 13)).as(attacker).pace(20);
        s.call("sts:GetCallerIdentity").call("iam:ListUsers").call("iam:ListRoles")
                .call("iam:ListAttachedUserPolicies", "userName", "jenkins-deploy").call("iam:ListGroups")
                .key().call("iam:CreateUser", "newUserName", BACKDOOR_USER, "newUserId", backdoorUserId(stage))
                .key().call("iam:AttachUserPolicy", "targetUser", BACKDOOR_USER, "managedPolicyArn", ADMIN_POLICY)
                .key().call("iam:CreateAccessKey", "targetUser", BACKDOOR_USER, "newAccessKey", backdoorKey(stage))
                .key().call("iam:CreateLoginProfile", "targetUser", BACKDOOR_USER);
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Leaked CI access key used to create an administrator",
                "The long-term key of jenkins-deploy is used at night from a hosting provider with a Kali Linux CLI:"
                        + " IAM enumeration, then a new user with AdministratorAccess, an access key and a console password.",
                List.of("aws.persistence.iam-create-admin-user", "aws.persistence.iam-create-user-login-profile"),
                List.of("T1078.004", "T1087.004", "T1136.003", "T1098.001"),
                List.of("TA0001", "TA0007", "TA0003", "TA0004")), s.calls());
    }

    /** A staging IAM user's password is phished; the attacker signs in without MFA and takes over another user. */
    static Scenario consoleTakeover(ScenarioStage stage) {
        Account staging = stage.account("staging");
        String id = "console-login-without-mfa-takeover";
        List<String> users = staging.resources().of(ResourceKind.IAM_USER, 0);
        String victim = users.get(0);
        String other = users.size() > 1 ? users.get(1) : "ops-admin";
        String userId = IdMint.stableAwsId("AIDA", 17, SplitMix.hash(staging.id() + victim));
        long when = stage.at(0.62, 23, 41);
        String ip = stage.attackerAddress(id);
        Caller signIn = Caller.of(Credential.iamUser(staging.id(), victim, userId, null), ip, UserAgents.FIREFOX_WIN, Tls.MODERN);
        Credential session = Credential.iamUserSession(staging.id(), victim, userId,
                Identity.sessionKey(SplitMix.derive(stage.seed(), SplitMix.hash(id))), when + 4, false);
        Script s = stage.script(id, staging, when).as(signIn).pace(40);
        s.key().call("signin:ConsoleLogin", "mfaUsed", "No", "loginResult", "Success")
                .as(Caller.of(session, ip, UserAgents.FIREFOX_WIN, Tls.MODERN).asConsole())
                .call("iam:GetAccountSummary").call("iam:ListUsers").call("iam:GetUser", "userName", other)
                .key().call("iam:UpdateLoginProfile", "targetUser", other)
                .key().call("iam:CreateAccessKey", "targetUser", other)
                .call("s3:ListBuckets").call("s3:ListObjects").call("s3:GetObject").call("s3:GetObject");
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Console sign-in without MFA, then takeover of another user",
                "An IAM user signs in to the console without MFA from a new address late at night, resets another"
                        + " user's console password and creates an access key for it.",
                List.of("aws.initial-access.console-login-without-mfa",
                        "aws.privilege-escalation.iam-update-user-login-profile", "aws.persistence.iam-backdoor-user"),
                List.of("T1078.004", "T1098.001"), List.of("TA0001", "TA0003", "TA0004")), s.calls());
    }

    /** With a legacy user's key, the attacker makes a role trust their own account and creates another one. */
    static Scenario roleBackdoor(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "cross-account-role-backdoor";
        String attackerAccount = stage.organization().attackerAccountId();
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + attackerAccount + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        String role = prod.resources().of(ResourceKind.ROLE, 0).get(0);
        Caller attacker = Caller.of(stage.keyOf("iam/bob.legacy", prod), stage.attackerAddress(id), ScenarioStage.GO_TOOL,
                Tls.LEGACY);
        Script s = stage.script(id, prod, stage.at(0.7, 3, 5)).as(attacker).pace(15);
        s.call("sts:GetCallerIdentity").call("iam:ListRoles").call("iam:GetRole", "roleName", role)
                .key().call("iam:UpdateAssumeRolePolicy", "targetRole", role, "trustPolicy", trust)
                .key().call("iam:CreateRole", "newRoleName", "OrganizationAuditRole", "trustPolicy", trust)
                .key().call("iam:AttachRolePolicy", "targetRole", "OrganizationAuditRole", "managedPolicyArn", ADMIN_POLICY);
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Roles backdoored to trust an outside account",
                "A legacy user's key changes an existing role's trust policy to trust an unknown account, then"
                        + " creates a new administrator role that the same account may assume.",
                List.of("aws.persistence.iam-backdoor-role", "aws.persistence.iam-create-backdoor-role"),
                List.of("T1098.003", "T1078.004"), List.of("TA0003", "TA0004")), s.calls());
    }

    /** A developer's cached SSO token is stolen; the attacker reads every secret and parameter. */
    static Scenario secretsHarvest(ScenarioStage stage) {
        Account prod = stage.account("prod");
        Account management = stage.organization().management();
        String id = "secrets-harvest";
        long when = stage.at(0.78, 4, 27);
        String ip = stage.attackerAddress(id);
        SsoUser sam = (SsoUser) stage.cast().find("person/sam.okafor").identity();
        Caller portal = Caller.of(Credential.identityCenterUser(management.id(), sam.storeUserId(), sam.email()), ip,
                ScenarioStage.KALI_BOTO, Tls.LEGACY);
        Caller attacker = Caller.of(stage.ssoSession("sam.okafor", prod, when + 5), ip, ScenarioStage.KALI_BOTO, Tls.LEGACY);
        Script s = stage.script(id, management, when).as(portal).pace(4);
        s.call("sso:GetRoleCredentials", "permissionSet", sam.permissionSet(), "targetAccount", prod.id())
                .in(prod).as(attacker).call("sts:GetCallerIdentity").call("secretsmanager:ListSecrets");
        for (int region = 0; region < 2; region++) {
            s.region(region);
            for (String secret : stage.all(prod, ResourceKind.SECRET, region)) {
                s.key().call("secretsmanager:GetSecretValue", "secretId", secret);
            }
        }
        s.region(0).call("ssm:DescribeParameters");
        List<String> parameters = stage.all(prod, ResourceKind.PARAMETER, 0);
        for (int i = 0; i < parameters.size(); i += 3) {
            StringBuilder names = new StringBuilder();
            for (int j = i; j < Math.min(parameters.size(), i + 3); j++) {
                names.append(names.isEmpty() ? "" : ",").append('"').append(parameters.get(j)).append('"');
            }
            s.key().call("ssm:GetParameters", "paramNames", names.toString());
        }
        s.key().call("secretsmanager:BatchGetSecretValue", "secretFilterValue", "!" + IdMint.hex(6, s.rng()));
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Every secret and parameter read with a stolen SSO session",
                "A developer's SSO token is used from a hosting provider: secrets listed and read one by one in two"
                        + " regions, SecureString parameters decrypted in batches, then a catch-all batch read.",
                List.of("aws.credential-access.secretsmanager-retrieve-secrets",
                        "aws.credential-access.secretsmanager-batch-retrieve-secrets",
                        "aws.credential-access.ssm-retrieve-securestring-parameters"),
                List.of("T1555.006", "T1078.004"), List.of("TA0006")), s.calls());
    }
}
