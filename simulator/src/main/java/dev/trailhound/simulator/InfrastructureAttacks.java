package dev.trailhound.simulator;

import java.util.List;

/** Attacks on logging and compute: trail tampering, stolen instance credentials, user data, miners, SSM. */
final class InfrastructureAttacks {
    private InfrastructureAttacks() {
    }

    static List<Scenario> all(ScenarioStage stage) {
        return List.of(loggingTampering(stage), stolenInstanceCredentials(stage), userDataExecution(stage),
                gpuMiner(stage), deniedReconnaissance(stage), ssmLateralMovement(stage));
    }

    /** With a legacy user's key: management events no longer recorded, trail stopped, detector and flow logs deleted. */
    static Scenario loggingTampering(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "logging-tampering";
        String noManagement = "[{\"readWriteType\":\"All\",\"includeManagementEvents\":false,\"dataResources\":[],"
                + "\"excludeManagementEventSources\":[]}]";
        Caller attacker = Caller.of(stage.keyOf("iam/bob.legacy", prod), stage.attackerAddress(id),
                ScenarioStage.KALI_BOTO, Tls.LEGACY);
        Script s = stage.script(id, prod, stage.at(0.92, 1, 52)).as(attacker).pace(30);
        s.call("cloudtrail:DescribeTrails").call("cloudtrail:GetEventSelectors")
                .key().call("cloudtrail:PutEventSelectors", "eventSelectorsJson", noManagement)
                .key().call("cloudtrail:StopLogging")
                .call("guardduty:ListDetectors")
                .key().call("guardduty:DeleteDetector")
                .call("ec2:DescribeFlowLogs")
                .key().call("ec2:DeleteFlowLogs");
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "CloudTrail, GuardDuty and flow logs switched off",
                "A legacy user's key, used from a hosting provider, stops recording management events, stops the"
                        + " trail, deletes the GuardDuty detector and removes VPC flow logs.",
                List.of("aws.defense-evasion.cloudtrail-event-selectors", "aws.defense-evasion.cloudtrail-stop",
                        "aws.defense-evasion.vpc-remove-flow-logs"),
                List.of("T1685.002", "T1685"), List.of("TA0112")), s.calls());
    }

    /** An instance's role credentials are used from outside to share snapshots and an image with another account. */
    static Scenario stolenInstanceCredentials(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "stolen-instance-credentials-exfiltration";
        long when = stage.at(0.66, 19, 8);
        String instance = stage.instance(prod, 0, 1);
        String attackerAccount = stage.organization().attackerAccountId();
        Caller attacker = Caller.of(stage.instanceCredentials(instance, prod, when), stage.attackerAddress(id),
                ScenarioStage.KALI_CLI, Tls.LEGACY);
        Script s = stage.script(id, prod, when).as(attacker).pace(25);
        s.key().call("sts:GetCallerIdentity").key().call("ec2:DescribeInstances").call("ec2:DescribeSnapshots")
                .call("ec2:DescribeImages");
        for (String snapshot : stage.all(prod, ResourceKind.SNAPSHOT, 0).subList(0, 2)) {
            s.key().call("ec2:ModifySnapshotAttribute", "snapshotId", snapshot, "shareAccount", attackerAccount);
        }
        s.key().call("ec2:ModifyImageAttribute", "shareAccount", attackerAccount)
                .call("rds:DescribeDBSnapshots")
                .key().call("rds:ModifyDBSnapshotAttribute", "shareAccount", attackerAccount);
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Instance credentials used from outside to share snapshots",
                "The role session of an EC2 instance is used from an address outside AWS to share two EBS snapshots,"
                        + " an AMI and an RDS snapshot with an unknown account.",
                List.of("aws.credential-access.ec2-steal-instance-credentials", "aws.exfiltration.ec2-share-ebs-snapshot",
                        "aws.exfiltration.ec2-share-ami", "aws.exfiltration.rds-share-snapshot"),
                List.of("T1552.005", "T1537"), List.of("TA0006", "TA0010")), s.calls());
    }

    /** The backdoor user of the leaked-key scenario stops an instance, replaces its user data and starts it. */
    static Scenario userDataExecution(ScenarioStage stage) {
        Account dev = stage.account("dev");
        String id = "ec2-user-data-execution";
        String instance = stage.instance(dev, 0, 0);
        Credential backdoor = Credential.iamUser(dev.id(), IdentityAttacks.BACKDOOR_USER,
                IdentityAttacks.backdoorUserId(stage), IdentityAttacks.backdoorKey(stage));
        Caller attacker = Caller.of(backdoor, stage.attackerAddress(id), ScenarioStage.KALI_CLI, Tls.LEGACY);
        Script s = stage.script(id, dev, stage.at(0.56, 5, 40)).as(attacker).pace(20);
        s.call("ec2:DescribeInstances")
                .key().call("ec2:StopInstances", "instanceId", instance).after(75)
                .key().call("ec2:ModifyInstanceAttribute~userData", "instanceId", instance)
                .key().call("ec2:StartInstances", "instanceId", instance);
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Commands run on an instance through its user data",
                "The administrator user created by the leaked-key attack stops an instance, replaces its user data"
                        + " and starts it again, so the new script runs as root at boot.",
                List.of("aws.execution.ec2-user-data"), List.of("T1059.009", "T1078.004"),
                List.of("TA0002", "TA0004")), s.calls());
    }

    /** SSH opened to the world, a key imported, GPU instances launched in several regions (denied). */
    static Scenario gpuMiner(ScenarioStage stage) {
        Account sandbox = stage.account("sandbox");
        String id = "gpu-miner-launch";
        long when = stage.at(0.84, 21, 17);
        Caller attacker = Caller.of(stage.ssoSession("tom.becker", sandbox, when), stage.attackerAddress(id),
                ScenarioStage.GO_TOOL, Tls.LEGACY);
        Script s = stage.script(id, sandbox, when).as(attacker).pace(10);
        s.call("ec2:DescribeRegions").call("ec2:DescribeSecurityGroups")
                .key().call("ec2:AuthorizeSecurityGroupIngress", "cidrIp", "0.0.0.0/0", "port", "22")
                .call("ec2:ImportKeyPair", "keyName", "ops-recovery");
        for (int region = 0; region < stage.organization().regions().size(); region++) {
            s.region(region).key().denied().call("ec2:RunInstances", "instanceTypeRequested", "p3.16xlarge", "count", "8");
        }
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "SSH opened to the internet and GPU instances requested",
                "A stolen SSO session opens port 22 to 0.0.0.0/0, imports a key pair and tries to launch p3.16xlarge"
                        + " instances in every region, which are denied.",
                List.of("aws.exfiltration.ec2-security-group-open-port-22-ingress",
                        "aws.execution.ec2-launch-unusual-instances"),
                List.of("T1686.001", "T1578.002", "T1496.001"), List.of("TA0112", "TA0040")), s.calls());
    }

    /** A low-privilege instance role probes for passwords and user data, then tries to leave the organization. */
    static Scenario deniedReconnaissance(ScenarioStage stage) {
        Account dev = stage.account("dev");
        String id = "denied-reconnaissance";
        long when = stage.at(0.74, 13, 3);
        String instance = stage.instance(dev, 0, 1);
        Caller attacker = Caller.of(stage.instanceCredentials(instance, dev, when), stage.attackerAddress(id),
                ScenarioStage.KALI_BOTO, Tls.LEGACY);
        Script s = stage.script(id, dev, when).as(attacker).pace(3);
        s.call("sts:GetCallerIdentity");
        for (int i = 0; i < 30; i++) {
            s.key().denied().call("ec2:GetPasswordData", "instanceId", "i-0" + IdMint.hex(16, s.rng()));
        }
        for (int i = 0; i < 20; i++) {
            s.key().denied().call("ec2:DescribeInstanceAttribute~userData", "instanceId", "i-0" + IdMint.hex(16, s.rng()));
        }
        s.after(40).key().denied().call("organizations:LeaveOrganization");
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Denied probing for passwords and user data, then leaving the organization",
                "Stolen instance credentials ask for the Windows password data and user data of fifty instances (all"
                        + " denied) and try to take the account out of the organization.",
                List.of("aws.credential-access.ec2-get-password-data", "aws.discovery.ec2-download-user-data",
                        "aws.defense-evasion.organizations-leave"),
                List.of("T1552.005", "T1580", "T1685"), List.of("TA0006", "TA0007", "TA0112")), s.calls());
    }

    /** A hijacked admin session runs commands and opens sessions on many instances. */
    static Scenario ssmLateralMovement(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "ssm-lateral-movement";
        long when = stage.at(0.88, 3, 36);
        Caller attacker = Caller.of(stage.ssoSession("raj.patel", prod, when), stage.attackerAddress(id),
                ScenarioStage.KALI_CLI, Tls.LEGACY).asCli();
        Script s = stage.script(id, prod, when).as(attacker).pace(8);
        s.call("ssm:DescribeInstanceInformation");
        List<String> instances = stage.all(prod, ResourceKind.INSTANCE, 0);
        for (String instance : instances) {
            s.key().call("ssm:SendCommand", "instanceId", instance);
        }
        for (String instance : instances.subList(0, Math.min(4, instances.size()))) {
            s.key().call("ssm:StartSession", "instanceId", instance);
        }
        for (String instance : instances.subList(0, Math.min(3, instances.size()))) {
            s.key().call("ec2-instance-connect:SendSSHPublicKey", "instanceId", instance);
        }
        return new Scenario(s.label(id, ScenarioLabel.ATTACK, "Commands and sessions on many instances",
                "A hijacked administrator session sends shell commands to every instance in the region, opens"
                        + " Session Manager sessions and pushes SSH keys through EC2 Instance Connect.",
                List.of("aws.execution.ssm-send-command", "aws.execution.ssm-start-session",
                        "aws.lateral-movement.ec2-instance-connect"),
                List.of("T1651", "T1021.007"), List.of("TA0002", "TA0008")), s.calls());
    }
}
