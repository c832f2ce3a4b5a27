package dev.trailhound.simulator;

import java.util.List;

/**
 * Legitimate work that resembles an attack, done by the people who normally do it, from where they normally
 * work: a detector that flags these is noisy. Labelled {@code benign}.
 */
final class BenignLookAlikes {
    private BenignLookAlikes() {
    }

    static List<Scenario> all(ScenarioStage stage) {
        return List.of(maintenanceResize(stage), securityAudit(stage), inOrganizationShare(stage), officeSshRule(stage),
                keyRotation(stage));
    }

    private static Caller person(ScenarioStage stage, String name, Account account, long when, boolean console) {
        SsoUser user = (SsoUser) stage.cast().find("person/" + name).identity();
        Credential session = stage.ssoSession(name, account, when);
        Caller caller = Caller.of(session, user.addresses().get(0), console ? user.browserAgent() : user.cliAgent(),
                Tls.MODERN);
        return console ? caller.asConsole() : caller.asCli();
    }

    /** An administrator resizes an instance in the console: stop, change type, start. */
    static Scenario maintenanceResize(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String id = "maintenance-resize";
        long when = stage.at(0.6, 15, 10);
        String instance = stage.instance(prod, 0, 2);
        Script s = stage.script(id, prod, when).as(person(stage, "alice.nguyen", prod, when, true)).pace(40);
        s.call("ec2:DescribeInstances").key().call("ec2:StopInstances", "instanceId", instance).after(90)
                .key().call("ec2:ModifyInstanceAttribute", "instanceId", instance, "instanceType", "m6i.xlarge")
                .key().call("ec2:StartInstances", "instanceId", instance).call("ec2:DescribeInstanceStatus");
        return new Scenario(s.label(id, ScenarioLabel.BENIGN, "Instance resized in a maintenance window",
                "An administrator stops an instance, changes its type (not its user data) and starts it again.",
                List.of(), List.of(), List.of()), s.calls());
    }

    /** The security team's monthly IAM review. */
    static Scenario securityAudit(ScenarioStage stage) {
        Account security = stage.account("security");
        String id = "security-audit-sweep";
        long when = stage.at(0.7, 17, 30);
        Script s = stage.script(id, security, when).as(person(stage, "david.kim", security, when, false)).pace(20);
        s.key().call("iam:GenerateCredentialReport").after(30).key().call("iam:GetCredentialReport")
                .key().call("iam:GetAccountAuthorizationDetails").call("iam:ListUsers");
        for (int i = 0; i < 8; i++) {
            s.call("iam:ListAccessKeys").call("iam:GetAccessKeyLastUsed");
        }
        return new Scenario(s.label(id, ScenarioLabel.BENIGN, "Security team's IAM review",
                "A security engineer pulls the credential report and the account authorization details and"
                        + " reviews access keys, as every month.", List.of(), List.of(), List.of()), s.calls());
    }

    /** A snapshot and a database snapshot shared with the organization's own staging account. */
    static Scenario inOrganizationShare(ScenarioStage stage) {
        Account prod = stage.account("prod");
        String staging = stage.account("staging").id();
        String id = "snapshot-share-within-organization";
        long when = stage.at(0.65, 10, 5);
        Script s = stage.script(id, prod, when).as(person(stage, "raj.patel", prod, when, false)).pace(30);
        s.call("ec2:DescribeSnapshots")
                .key().call("ec2:ModifySnapshotAttribute", "shareAccount", staging)
                .key().call("rds:ModifyDBSnapshotAttribute", "shareAccount", staging);
        return new Scenario(s.label(id, ScenarioLabel.BENIGN, "Snapshots shared with the organization's staging account",
                "An administrator shares an EBS snapshot and an RDS snapshot with staging (an account of the"
                        + " organization) to reproduce a bug.", List.of(), List.of(), List.of()), s.calls());
    }

    /** A developer allows SSH from the office address only. */
    static Scenario officeSshRule(ScenarioStage stage) {
        Account dev = stage.account("dev");
        String id = "ssh-from-office";
        long when = stage.at(0.58, 9, 45);
        Script s = stage.script(id, dev, when).as(person(stage, "tom.becker", dev, when, false)).pace(30);
        s.call("ec2:DescribeSecurityGroups")
                .key().call("ec2:AuthorizeSecurityGroupIngress", "cidrIp", Addresses.OFFICE.get(0) + "/32", "port", "22");
        return new Scenario(s.label(id, ScenarioLabel.BENIGN, "SSH allowed from the office address",
                "A developer opens port 22 to the office's /32 only.", List.of(), List.of(), List.of()), s.calls());
    }

    /** An administrator rotates the Jenkins user's access key. */
    static Scenario keyRotation(ScenarioStage stage) {
        Account dev = stage.account("dev");
        String id = "access-key-rotation";
        long when = stage.at(0.75, 11, 20);
        IamUser jenkins = (IamUser) stage.cast().find("iam/jenkins-deploy").identity();
        Script s = stage.script(id, dev, when).as(person(stage, "raj.patel", dev, when, false)).pace(40);
        s.call("iam:ListAccessKeys").key().call("iam:CreateAccessKey", "targetUser", jenkins.userName()).after(300)
                .call("iam:UpdateAccessKey", "targetUser", jenkins.userName(), "accessKeyToChange", jenkins.accessKeyId())
                .after(120)
                .call("iam:DeleteAccessKey", "targetUser", jenkins.userName(), "accessKeyToChange", jenkins.accessKeyId());
        return new Scenario(s.label(id, ScenarioLabel.BENIGN, "Access key rotation of the Jenkins user",
                "An administrator creates a new key for jenkins-deploy, deactivates and deletes the old one.",
                List.of(), List.of(), List.of()), s.calls());
    }
}
