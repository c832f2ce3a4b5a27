package dev.trailhound.simulator;

import java.util.List;

/**
 * Attacks that no rule can see, because every call in them is one that someone in the organization makes every
 * day: discovery and a few secret reads, below every burst threshold of the rule pack. What gives them away is
 * who makes them, from where, with which client and when, against that principal's own habits; so they sit in
 * the last quarter of the run, after a week of those habits. Labelled {@code attack} with signal
 * {@code behaviour}.
 */
final class BehaviourAttacks {
    /** Requests signed by hand in a Python script: no SDK, no CLI. */
    static final String PYTHON_REQUESTS = "python-requests/2.32.3";
    /** The AWS CLI, but an older version on a Linux server rather than the contractor's Mac. */
    static final String CLI_UBUNTU = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#5.15.0-105-generic md/arch#x86_64"
            + " lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22";

    private BehaviourAttacks() {
    }

    static List<Scenario> all(ScenarioStage stage) {
        return List.of(stolenAnalystKey(stage), ciRoleOverreach(stage), dormantContractorReturns(stage));
    }

    /**
     * The analyst's long-term key, which only ever works from the office or her home, in office hours, with the
     * CLI on Windows, is used at night from a rented server by a Python script: who am I, what may I do, then a
     * few secrets and parameters.
     */
    static Scenario stolenAnalystKey(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "stolen-analyst-key-reads-secrets";
        Caller thief = Caller.of(stage.keyOf("iam/" + KeyUsers.ANALYST, prod), stage.hostingAddress(id), PYTHON_REQUESTS,
                Tls.MODERN);
        Script s = stage.script(id, prod, stage.at(0.8, 1, 52)).as(thief).pace(40);
        s.call("sts:GetCallerIdentity").key().call("iam:ListAttachedUserPolicies", "userName", KeyUsers.ANALYST)
                .call("s3:ListBuckets").call("ec2:DescribeInstances").key().call("secretsmanager:ListSecrets").after(60);
        List<String> secrets = stage.all(prod, ResourceKind.SECRET, 0);
        for (int i = 0; i < Math.min(3, secrets.size()); i++) {
            s.key().call("secretsmanager:GetSecretValue", "secretId", secrets.get(i));
        }
        List<String> parameters = stage.all(prod, ResourceKind.PARAMETER, 0);
        s.key().call("ssm:GetParameters", "paramNames", quoted(parameters.subList(0, Math.min(2, parameters.size()))));
        return new Scenario(s.label(id, ScenarioLabel.ATTACK,
                "An analyst's stolen key reads secrets at night from a rented server",
                "The long-term key of " + KeyUsers.ANALYST + " (office hours, the office and her home, the AWS CLI on"
                        + " Windows, S3 reports only) is used at 01:52 UTC from a hosting provider's address by a script"
                        + " signing requests with python-requests: identity and permission checks, then up to three"
                        + " secrets and two SecureString parameters. Every call is below the rule pack's thresholds.",
                List.of(), List.of("T1078.004", "T1087.004", "T1555.006"), List.of("TA0001", "TA0007", "TA0006"))
                .behavioural(), s.calls());
    }

    /**
     * The production deploy role of GitHub Actions, which only pushes images and updates services in us-east-1,
     * runs a poisoned build step: from a GitHub runner, with the pipeline's own client, it lists IAM and reads
     * secrets in two regions, and looks around a third.
     */
    static Scenario ciRoleOverreach(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "ci-deploy-role-reads-secrets";
        Actor deploy = stage.cast().find("deploy/" + prod.id());
        FederatedRole pipeline = (FederatedRole) deploy.identity();
        long when = stage.at(0.8, 15, 37);
        Caller session = pipeline.caller(new Visit(0, when, when + 900, 0, prod, false),
                SplitMix.derive(deploy.key(stage.seed()), SplitMix.hash(id)), stage.world());
        Caller runner = Caller.of(Credential.webIdentityUser("token.actions.githubusercontent.com", "sts.amazonaws.com",
                pipeline.subject()), session.sourceIp(), pipeline.stsAgent(), Tls.MODERN);
        Role role = pipeline.role();
        String name = session.credential().sessionName();
        Script s = stage.script(id, prod, when).as(runner).pace(12);
        s.call("sts:AssumeRoleWithWebIdentity", "assumedRoleArn", role.arn(), "roleSessionName", name,
                "sessKey", session.credential().accessKeyId(), "assumedRoleId", role.id() + ":" + name,
                "assumedArn", role.sessionArn(name), "oidcSubject", pipeline.subject());
        s.as(session).call("sts:GetCallerIdentity").call("ecr:GetAuthorizationToken")
                .key().call("iam:ListRoles").key().call("iam:ListAttachedRolePolicies", "roleName", role.name())
                .key().call("iam:ListUsers").key().call("secretsmanager:ListSecrets");
        List<String> home = stage.all(prod, ResourceKind.SECRET, 0);
        for (int i = 0; i < Math.min(2, home.size()); i++) {
            s.key().call("secretsmanager:GetSecretValue", "secretId", home.get(i));
        }
        s.region(2).key().call("secretsmanager:ListSecrets")
                .key().call("secretsmanager:GetSecretValue", "secretId", stage.all(prod, ResourceKind.SECRET, 2).get(0))
                .region(1).call("ec2:DescribeInstances").call("lambda:ListFunctions20150331");
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "The CI deploy role enumerates IAM and reads secrets",
                "A poisoned step of the production deploy workflow runs under the github-actions-deploy role (whose"
                        + " habit is ECR, ECS, Lambda and S3 in us-east-1), from a GitHub runner with the pipeline's"
                        + " CLI: it lists roles and users, reads three secrets in us-east-1 and eu-west-1 and looks at"
                        + " instances and functions in us-west-2.",
                List.of(), List.of("T1078.004", "T1087.004", "T1526", "T1555.006"), List.of("TA0007", "TA0006"))
                .behavioural(), s.calls());
    }

    /**
     * The contractor's key, silent since the engagement ended in the first days of the run, comes back in the
     * evening from another continent and reads the Terraform state (which holds passwords) and two
     * parameters.
     */
    static Scenario dormantContractorReturns(ScenarioStage stage) {
        Account dev = stage.account("dev");
        String id = "dormant-contractor-key-returns";
        Caller returning = Caller.of(stage.keyOf("iam/" + KeyUsers.CONTRACTOR, dev), stage.abroadAddress(id), CLI_UBUNTU,
                Tls.MODERN_256).asCli();
        String state = dev.resources().of(ResourceKind.BUCKET, 0).get(0);
        Script s = stage.script(id, dev, stage.at(0.86, 20, 14)).as(returning).pace(45);
        s.call("sts:GetCallerIdentity").key().call("iam:ListAttachedUserPolicies", "userName", KeyUsers.CONTRACTOR)
                .call("s3:ListBuckets").call("s3:ListObjects", "bucket", state);
        for (String stack : List.of("network", "platform", "data")) {
            s.key().call("s3:GetObject", "bucket", state, "objectKey", stack + "/terraform.tfstate");
        }
        List<String> parameters = stage.all(dev, ResourceKind.PARAMETER, 0);
        for (int i = 0; i < Math.min(2, parameters.size()); i++) {
            s.key().call("ssm:GetParameter", "paramName", parameters.get(i));
        }
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "A dormant contractor's key returns from abroad",
                "The IAM user " + KeyUsers.CONTRACTOR + ", silent since day " + KeyUsers.CONTRACTOR_DAYS + " of the run,"
                        + " is used at 20:14 UTC from a residential address on another continent with another"
                        + " build of the CLI: a permission check, then three Terraform state files (which hold"
                        + " passwords) and two parameters.",
                List.of(), List.of("T1078.004", "T1530", "T1552.001"), List.of("TA0001", "TA0009", "TA0006"))
                .behavioural(), s.calls());
    }

    /** {@code "a","b"}: the names of an {@code ssm:GetParameters} call. */
    private static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append(sb.isEmpty() ? "" : ",").append('"').append(name).append('"');
        }
        return sb.toString();
    }
}
