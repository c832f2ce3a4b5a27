package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The organization's non-human principals: workloads (instances, functions, tasks), pipelines (deploys and
 * Terraform through GitHub OIDC), service-linked roles, a posture scanner, AWS services on their own, and a few
 * legacy IAM users with long-term keys.
 */
final class Machines {
    private static final String[][] SERVICE_ROLES = {
            // role name, service host, habit profile, session name, routine: hourly | 6h | daily
            {"AWSServiceRoleForConfig", "config.amazonaws.com", "config-recorder", "AWSConfig-Describe", "hourly"},
            {"AWSServiceRoleForAccessAnalyzer", "access-analyzer.amazonaws.com", "access-analyzer-slr", "access-analyzer", "6h"},
            {"AWSServiceRoleForAmazonGuardDuty", "guardduty.amazonaws.com", "guardduty-slr", "GuardDutyDescribe", "6h"},
            {"AWSServiceRoleForSecurityHub", "securityhub.amazonaws.com", "securityhub-slr", "securityhub", "daily"},
            {"AWSServiceRoleForAmazonInspector2", "inspector2.amazonaws.com", "inspector-slr", "inspector2", "6h"},
            {"AWSServiceRoleForTrustedAdvisor", "trustedadvisor.amazonaws.com", "trustedadvisor-slr", "TrustedAdvisor", "daily"},
            {"AWSServiceRoleForAutoScaling", "autoscaling.amazonaws.com", "autoscaling-slr", "AutoScaling", "hourly"},
    };

    private Machines() {
    }

    static List<Actor> all(Organization org, HabitBook book, long seed) {
        List<Actor> actors = new ArrayList<>();
        for (Account account : org.accounts()) {
            workloads(org, book, seed, account, actors);
            serviceRoles(org, book, account, actors);
            actors.add(scanner(org, book, seed, account));
            pipelines(org, book, seed, account, actors);
        }
        services(org, book, actors);
        legacyUsers(org, book, seed, actors);
        return actors;
    }

    private static double[] only(int region, int regions) {
        double[] weights = new double[regions];
        weights[region] = 1;
        return weights;
    }

    private static void workloads(Organization org, HabitBook book, long seed, Account account, List<Actor> out) {
        int regions = org.regions().size();
        Vocabulary v = book.catalogue().vocabulary();
        for (int r = 0; r < regions; r++) {
            HabitSet ec2 = book.exactly("ec2-app", only(r, regions));
            List<String> instances = account.resources().of(ResourceKind.INSTANCE, r);
            for (int i = 0; i < instances.size(); i++) {
                String instance = instances.get(i);
                long key = SplitMix.derive(seed, SplitMix.hash("instance/" + instance));
                Role role = Role.stable(account.id(), "/", account.name() + "-app-" + (i % 3) + "-instance-role");
                String address = i % 3 == 0 ? Addresses.privateIp(key) : Addresses.awsEgress(r, key);
                AroundTheClock rotation = new AroundTheClock(60, 14, (int) Math.floorMod(key, 60L));
                WorkloadRole identity = new WorkloadRole(role, instance, "ec2.amazonaws.com", address, UserAgents.JAVA_SDK,
                        r, rotation, true, v.bind("instanceId", instance));
                out.add(new Actor("instance/" + instance, identity, ec2, rotation, account, true));
            }
            HabitSet lambda = book.exactly("lambda-app", only(r, regions));
            for (String function : account.resources().of(ResourceKind.FUNCTION, r)) {
                long key = SplitMix.derive(seed, SplitMix.hash("function/" + account.id() + function + r));
                Role role = Role.stable(account.id(), "/", function + "-role");
                AroundTheClock rotation = new AroundTheClock(240, 60, (int) Math.floorMod(key, 240L));
                String agent = Math.floorMod(key, 2L) == 0 ? UserAgents.BOTO3_LAMBDA : UserAgents.NODE_LAMBDA;
                WorkloadRole identity = new WorkloadRole(role, function, "lambda.amazonaws.com",
                        Addresses.awsEgress(r, key), agent, r, rotation, false, v.bind("functionName", function));
                out.add(new Actor("function/" + account.id() + "/" + r + "/" + function, identity, lambda, rotation,
                        account, true));
            }
            HabitSet ecs = book.exactly("ecs-app", only(r, regions));
            for (String service : account.resources().of(ResourceKind.ECS_SERVICE, r)) {
                long key = SplitMix.derive(seed, SplitMix.hash("service/" + account.id() + service + r));
                Role role = Role.stable(account.id(), "/", service + "-task-role");
                AroundTheClock rotation = new AroundTheClock(360, 90, (int) Math.floorMod(key, 360L));
                WorkloadRole identity = new WorkloadRole(role, IdMint.stableHex(32, key), "ecs-tasks.amazonaws.com",
                        Addresses.privateIp(key), UserAgents.GO_ECS, r, rotation, false, Bindings.NONE);
                out.add(new Actor("task/" + account.id() + "/" + r + "/" + service, identity, ecs, rotation, account, true));
            }
        }
        if (account.name().equals("staging")) {
            // A report job whose role lost a permission months ago: the same AccessDenied every run.
            long key = SplitMix.derive(seed, SplitMix.hash("misconfigured/" + account.id()));
            Role role = Role.stable(account.id(), "/", "legacy-report-generator-role");
            AroundTheClock rotation = new AroundTheClock(60, 6, 7);
            WorkloadRole identity = new WorkloadRole(role, "legacy-report-generator", "lambda.amazonaws.com",
                    Addresses.awsEgress(0, key), UserAgents.BOTO3_LAMBDA, 0, rotation, false,
                    v.bind("functionName", "legacy-report-generator"));
            out.add(new Actor("function/legacy-report-generator", identity,
                    book.exactly("lambda-misconfigured", only(0, regions)), rotation, account, true));
        }
    }

    private static void serviceRoles(Organization org, HabitBook book, Account account, List<Actor> out) {
        double[] everywhere = OrganizationFactory.REGION_RESOURCE_SHARE.clone();
        for (String[] row : SERVICE_ROLES) {
            Role role = Role.stable(account.id(), "/aws-service-role/" + row[1] + "/", row[0]);
            Routine routine = switch (row[4]) {
                case "hourly" -> new AroundTheClock(60, 10, 0);
                case "6h" -> new AroundTheClock(360, 20, 0);
                default -> new Daily(4, 120, 20, 40, false);
            };
            out.add(new Actor("slr/" + account.id() + "/" + row[0], new ServiceRole(role, row[3], row[1]),
                    book.exactly(row[2], everywhere), routine, account, true));
        }
        if (account == org.management()) {
            Role sso = Role.stable(account.id(), "/aws-service-role/sso.amazonaws.com/", "AWSServiceRoleForSSO");
            out.add(new Actor("slr/" + account.id() + "/sso", new ServiceRole(sso, "AWS-SSO", "sso.amazonaws.com"),
                    book.exactly("sso-slr", only(0, org.regions().size())), new Daily(3, 60, 10, 20, false), account, true));
        }
    }

    private static Actor scanner(Organization org, HabitBook book, long seed, Account account) {
        long key = SplitMix.derive(seed, SplitMix.hash("scanner"));
        Role role = Role.stable(account.id(), "/", "cspm-readonly-scanner");
        VendorRole identity = new VendorRole(role, org.vendorAccountId(), IdMint.stableAwsId("AIDA", 17, key),
                Addresses.vendor(key), UserAgents.SCANNER);
        double[] everywhere = {1, 1, 1, 1};
        return new Actor("scanner/" + account.id(), identity, book.exactly("scanner", everywhere),
                new Daily(2, 30, 45, 700, false), account, true);
    }

    private static void pipelines(Organization org, HabitBook book, long seed, Account account, List<Actor> out) {
        int regions = org.regions().size();
        List<String> runners = Addresses.githubRunners(SplitMix.derive(seed, SplitMix.hash("runners")));
        String repo = "repo:acme/platform-infra:ref:refs/heads/main";
        Role plan = Role.stable(account.id(), "/", "terraform-plan");
        out.add(new Actor("terraform-plan/" + account.id(), new FederatedRole(plan, "terraform-plan-", repo, runners,
                UserAgents.TERRAFORM, UserAgents.GITHUB_OIDC), book.exactly("terraform-plan", People.PEOPLE_REGIONS),
                new Daily(6, 40, 12, 220, true), account, true));
        Role apply = Role.stable(account.id(), "/", "terraform-apply");
        out.add(new Actor("terraform-apply/" + account.id(), new FederatedRole(apply, "terraform-apply-", repo, runners,
                UserAgents.TERRAFORM, UserAgents.GITHUB_OIDC), book.exactly("terraform-apply", People.PEOPLE_REGIONS),
                new Weekly(2, 14, 25, 320), account, true));
        if (account.name().equals("prod") || account.name().equals("staging")) {
            Role deploy = Role.stable(account.id(), "/", "github-actions-deploy");
            String app = "repo:acme/storefront:environment:" + account.name();
            out.add(new Actor("deploy/" + account.id(), new FederatedRole(deploy, "GitHubActions", app, runners,
                    UserAgents.GITHUB_DEPLOY, UserAgents.GITHUB_OIDC), book.exactly("ci-deploy", only(0, regions)),
                    new OfficeHours(6, 0.1, 8, 22, 3, 12, 160), account, true));
        }
    }

    private static void services(Organization org, HabitBook book, List<Actor> out) {
        int regions = org.regions().size();
        Vocabulary v = book.catalogue().vocabulary();
        Account security = org.account("security");
        out.add(new Actor("service/cloudtrail", new AwsServiceActor("cloudtrail.amazonaws.com", false,
                v.bind("bucket", org.trailBucket())),
                book.exactly("cloudtrail-delivery", only(0, regions)), new AroundTheClock(60, 4, 0), security, true));
        out.add(new Actor("service/config", new AwsServiceActor("config.amazonaws.com", false,
                v.bind("bucket", "acme-config-history-" + security.id())),
                book.exactly("config-delivery", only(0, regions)), new AroundTheClock(360, 2, 0), security, true));
        out.add(new Actor("service/securityhub", new AwsServiceActor("securityhub.amazonaws.com", true, Bindings.NONE),
                book.exactly("securityhub-import", only(0, regions)), new AroundTheClock(60, 12, 0), security, true));
        for (String name : List.of("prod", "staging")) {
            Account account = org.account(name);
            out.add(new Actor("service/backup/" + name, new AwsServiceActor("backup.amazonaws.com", true, Bindings.NONE),
                    book.exactly("backup-service", only(0, regions)), new Daily(1, 60, 90, 6, false), account, true));
            out.add(new Actor("service/rotation/" + name, new AwsServiceActor("secretsmanager.amazonaws.com", true, Bindings.NONE),
                    book.exactly("rotation-service", only(0, regions)), new Daily(5, 60, 5, 1, false), account, true));
        }
    }

    private static void legacyUsers(Organization org, HabitBook book, long seed, List<Actor> out) {
        Account prod = org.account("prod");
        Account dev = org.account("dev");
        long bobKey = SplitMix.derive(seed, SplitMix.hash("legacy/bob"));
        IamUser bob = new IamUser("bob.legacy", IdMint.stableAwsId("AIDA", 17, bobKey), IdMint.stableAwsId("AKIA", 16, bobKey),
                List.of(Addresses.homeUs(bobKey), Addresses.OFFICE.get(0)), UserAgents.CLI_MAC, true,
                UserAgents.CHROME_MAC, true);
        out.add(new Actor("iam/bob.legacy", bob, book.personal("legacy-user-cli", People.PEOPLE_REGIONS, 0.9,
                new SplittableRandom(bobKey)), new OfficeHours(1.2, 0, 14, 22, 10, 60, 30),
                new WeightedChoice<>(List.of(prod), new double[] {1}), 0.25, false, Long.MIN_VALUE));
        long jenkinsKey = SplitMix.derive(seed, SplitMix.hash("legacy/jenkins"));
        IamUser jenkins = new IamUser("jenkins-deploy", IdMint.stableAwsId("AIDA", 17, jenkinsKey),
                IdMint.stableAwsId("AKIA", 16, jenkinsKey), List.of(Addresses.ON_PREMISES), UserAgents.JENKINS_CLI, false,
                null, false);
        out.add(new Actor("iam/jenkins-deploy", jenkins, book.exactly("legacy-ci", only(0, org.regions().size())),
                new OfficeHours(4, 0.2, 8, 20, 2, 8, 120), dev, true));
        long backupKey = SplitMix.derive(seed, SplitMix.hash("legacy/backup"));
        IamUser backup = new IamUser("backup-sync", IdMint.stableAwsId("AIDA", 17, backupKey),
                IdMint.stableAwsId("AKIA", 16, backupKey), List.of(Addresses.ON_PREMISES), UserAgents.BACKUP_SCRIPT, false,
                null, false);
        out.add(new Actor("iam/backup-sync", backup, book.exactly("machine-user", only(0, org.regions().size())),
                new AroundTheClock(60, 5, 17), prod, true));
    }
}
