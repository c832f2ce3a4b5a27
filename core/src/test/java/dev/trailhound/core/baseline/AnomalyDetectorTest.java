package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
    private static final List<String> HABIT = List.of("ec2:DescribeInstances", "s3:ListBuckets", "s3:GetObject",
            "logs:FilterLogEvents", "cloudwatch:GetMetricData", "ecs:DescribeServices");
    private static final String ATTACKER_IP = "45.134.26.97";
    private static final String REQUESTS = "python-requests/2.31.0";

    private final BaselineStore store = new BaselineStore();
    private AnomalyDetector detector = new AnomalyDetector(store, BaselineSettings.defaults(), AttackCatalog.v19());

    /** Office hours on weekdays, from the office, with the CLI: {@code days} days of a person's habit. */
    private static List<Event> workdays(Calls who, int fromDay, int days) {
        List<Event> events = new ArrayList<>();
        for (int day = fromDay; day < fromDay + days; day++) {
            if (day % 7 >= 5) {
                continue;
            }
            for (int i = 0; i < 30; i++) {
                events.add(who.call(HABIT.get(i % HABIT.size()), day, 9 + i * 0.25));
            }
        }
        return events;
    }

    /** Three colleagues working as usual, so the account has peers and has finished learning. */
    private static List<Event> colleagues(int days) {
        List<Event> events = new ArrayList<>();
        for (String name : List.of("bob", "carol", "dan")) {
            events.addAll(workdays(Calls.user(name), 0, days));
        }
        return events;
    }

    private List<Detection> run(List<Event> events) {
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(Event::eventTimeMillis));
        List<Detection> found = new ArrayList<>();
        for (Event e : ordered) {
            detector.prepare(e);
            found.addAll(detector.detect(null, e));
        }
        return found;
    }

    private static List<String> ids(List<Tactic> tactics) {
        return tactics.stream().map(Tactic::id).toList();
    }

    @Test
    void stolenKeysUsedFromANewNetworkAtNightWithANewClientAreAThreatThatExplainsItself() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(workdays(Calls.user("alice"), 0, 15));
        Calls thief = Calls.user("alice").from(ATTACKER_IP).with(REQUESTS);
        events.add(thief.call("sts:GetCallerIdentity", 15, 3));
        events.add(thief.call("iam:ListUsers", 15, 3.01));
        Event secret = thief.call("secretsmanager:GetSecretValue", 15, 3.02);
        events.add(secret);

        List<Detection> found = run(events);

        assertEquals(2, found.size(), found.toString());
        Detection session = found.get(0);
        assertEquals(DetectionKind.ANOMALY, session.kind());
        assertEquals(AnomalyDetector.SESSION_RULE_ID, session.ruleId());
        assertTrue(session.title().startsWith("Unusual activity for alice: "), session.title());
        String why = session.explanation();
        assertTrue(why.contains("first request from network 45.134.26.0/24 (45.134.26.97; never seen for alice, who works from 198.51.100.0/24;"
                + " seen for 0 of 3 other identities in this account)"), why);
        assertTrue(why.contains("user agent python-requests/2.31.0 (a raw HTTP library) is new for alice (usually the AWS CLI)"), why);
        assertTrue(why.contains("active at 03:00 UTC on a Tuesday, when alice never was in 14 days (0 of 330 calls at this hour of the day)"), why);
        assertTrue(ids(session.tactics()).contains("TA0001"), session.tactics().toString());
        assertTrue(session.techniques().stream().map(Technique::id).toList().contains("T1078.004"));

        Detection sensitive = found.get(1);
        assertEquals(AnomalyDetector.SENSITIVE_RULE_ID, sensitive.ruleId());
        assertEquals(secret.eventId(), sensitive.eventId());
        assertTrue(sensitive.explanation().contains("alice has called secretsmanager:GetSecretValue 0 times in 14 days (a secret or parameter read;"
                + " no call to secretsmanager at all before; called by 0 of 3 other identities in this account)"), sensitive.explanation());
        assertEquals(List.of("TA0006"), ids(sensitive.tactics()));
        assertEquals(List.of("T1555.006"), sensitive.techniques().stream().map(Technique::id).toList());
    }

    @Test
    void oneNewCallFromTheUsualPlaceAndClientIsNotAThreat() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(workdays(Calls.user("alice"), 0, 15));
        Calls alice = Calls.user("alice");
        events.add(alice.call("iam:CreateAccessKey", 15, 10));
        events.add(alice.call("ssm:GetParameters", 15, 10.1));
        events.add(alice.call("rds:DescribeDBInstances", 15, 10.2));

        assertEquals(List.of(), run(events));
    }

    @Test
    void nothingIsJudgedWhileLearningAndTheStateSaysHowFarItIs() {
        List<Event> events = new ArrayList<>(colleagues(4));
        events.addAll(workdays(Calls.user("alice"), 0, 3));
        Calls thief = Calls.user("alice").from(ATTACKER_IP).with(REQUESTS);
        events.add(thief.call("secretsmanager:GetSecretValue", 3, 3));
        events.add(thief.call("iam:CreateAccessKey", 3, 3.1));

        assertEquals(List.of(), run(events));
        LearningState state = store.learningState("arn:aws:iam::111122223333:user/alice", Calls.MONDAY.plus(Duration.ofDays(3).plusHours(10)),
                BaselineSettings.defaults());
        assertNotNull(state);
        assertTrue(state.learning());
        assertEquals("learning, 3 of 7 days", state.toString());
    }

    @Test
    void aDormantIdentityIsJudgedAgainstWhatItDidBeforeNotRelearned() {
        List<Event> events = new ArrayList<>(colleagues(22));
        events.addAll(workdays(Calls.user("dave"), 0, 2));
        Calls returning = Calls.user("dave").from("185.220.101.4").with("Boto3/1.34.10 md/Botocore#1.34.10 ua/2.0 lang/python#3.11.6");
        events.add(returning.call("iam:ListAttachedUserPolicies", 20, 14));
        events.add(returning.call("iam:CreateAccessKey", 20, 14.05));

        List<Detection> found = run(events);

        assertFalse(found.isEmpty(), "the dormant user's return was not judged");
        String why = String.join(" ", found.stream().map(Detection::explanation).toList());
        assertTrue(why.contains("dave has called iam:CreateAccessKey 0 times in 20 days"), why);
        assertTrue(why.contains("first request from network 185.220.101.0/24"), why);
        assertTrue(why.contains("first call in 18 days: dave was last seen 2026-11-03T16:15:00Z, and had never been silent for more than 16 hours before"), why);
        assertTrue(found.stream().anyMatch(d -> ids(d.tactics()).contains("TA0003")), found.toString());
        LearningState state = store.learningState("arn:aws:iam::111122223333:user/dave", Calls.MONDAY.plus(Duration.ofDays(20)),
                BaselineSettings.defaults());
        assertFalse(state.learning());
    }

    /** A CI role's daily deploys: a new session (name and key) per run, the same few calls from the runners. */
    private static List<Event> deploys(int days) {
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            Calls run = Calls.roleSession("ci-deploy", "run-" + day, "ASIARUN" + day).from(day % 2 == 0 ? "20.102.41.7" : "20.102.41.9")
                    .with("aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5");
            for (int i = 0; i < 10; i++) {
                events.add(run.call(List.of("ecr:GetAuthorizationToken", "ecs:RegisterTaskDefinition", "ecs:UpdateService",
                        "ecs:DescribeServices").get(i % 4), day, 14 + i * 0.01));
            }
        }
        return events;
    }

    @Test
    void aRoleHasOneBaselineAcrossItsSessionsAndIsJudgedWhenItCallsServicesItNeverUsed() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(deploys(15));
        Calls stolen = Calls.roleSession("ci-deploy", "run-15", "ASIARUN15").from("20.102.41.7")
                .with("aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5").in("eu-west-1");
        events.add(stolen.call("iam:ListRoles", 15, 14));
        events.add(stolen.call("secretsmanager:ListSecrets", 15, 14.01));
        events.add(stolen.call("secretsmanager:GetSecretValue", 15, 14.02));

        List<Detection> found = run(events);

        assertFalse(found.isEmpty());
        Detection first = found.get(0);
        assertTrue(first.title().startsWith("Unusual activity for ci-deploy: "), first.title());
        assertTrue(first.explanation().contains("first call in region eu-west-1 in 15 days (usually us-east-1)"), first.explanation());
        assertTrue(first.explanation().contains("ci-deploy has called secretsmanager:GetSecretValue 0 times in 15 days"), first.explanation());
        assertEquals(4, store.subjects(), "one baseline for the role, whatever its sessions are named, and one per colleague");
    }

    @Test
    void aRoleSessionDoingTheRoleUsualWorkIsNotAThreat() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(deploys(16));
        assertEquals(List.of(), run(events));
    }

    @Test
    void configuredAutomationIsNeverJudged() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(deploys(15));
        Calls odd = Calls.roleSession("ci-deploy", "run-15", "ASIARUN15").from(ATTACKER_IP).with(REQUESTS).in("eu-west-1");
        events.add(odd.call("iam:CreateAccessKey", 15, 3));
        events.add(odd.call("secretsmanager:GetSecretValue", 15, 3.01));
        assertFalse(run(events).isEmpty(), "without the setting, the same events are a threat");

        detector = new AnomalyDetector(new BaselineStore(), BaselineSettings.defaults().withAutomation(List.of("ci-*")), AttackCatalog.v19());
        assertEquals(List.of(), run(events));
    }

    @Test
    void awsServicesAndServiceLinkedRolesHaveNoBaseline() {
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            events.add(Calls.service("config.amazonaws.com").call("ec2:DescribeInstances", day, 1));
            events.add(Calls.serviceLinked("AWSServiceRoleForConfig", "AWSConfig-Describe").from("config.amazonaws.com")
                    .call("iam:GetRole", day, 2));
            events.add(Calls.serviceLinked("AWSServiceRoleForConfig", "AWSConfig-Describe").from(ATTACKER_IP).with(REQUESTS)
                    .call("iam:CreateAccessKey", day, 3));
        }
        assertEquals(List.of(), run(events));
        assertEquals(0, store.subjects());
    }

    @Test
    void aNetworkTheWholeAccountWorksFromIsNoNews() {
        List<Event> events = new ArrayList<>();
        for (String name : List.of("bob", "carol", "dan")) {
            events.addAll(workdays(Calls.user(name).from("192.0.2.40"), 0, 16));
        }
        events.addAll(workdays(Calls.user("alice"), 0, 15));
        // the VPN everyone else uses, with a scripting client: weak evidence (0.15 + 0.8 < 1.5)
        events.add(Calls.user("alice").from("192.0.2.77").with(REQUESTS).call("s3:ListBuckets", 15, 10));
        assertEquals(List.of(), run(events));

        // the same client from a network nobody in the account uses: a threat
        List<Detection> found = run(List.of(Calls.user("alice").from(ATTACKER_IP).with(REQUESTS).call("s3:ListBuckets", 15, 11)));
        assertEquals(1, found.size());
        assertTrue(found.get(0).explanation().contains("seen for 0 of 3 other identities in this account"), found.get(0).explanation());
    }

    @Test
    void aSessionOfMostlyFailedCallsIsADeparture() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(workdays(Calls.user("alice"), 0, 15));
        Calls probing = Calls.user("alice").with(REQUESTS).failing("AccessDenied");
        for (int i = 0; i < 12; i++) {
            events.add(probing.call(HABIT.get(i % HABIT.size()), 15, 10 + i * 0.01));
        }
        List<Detection> found = run(events);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).explanation().contains("10 of 10 calls in this session failed (100%), against 0% of alice's calls usually"),
                found.get(0).explanation());
    }

    @Test
    void theLearningPeriodIsConfigurable() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(workdays(Calls.user("alice"), 0, 15));
        events.add(Calls.user("alice").from(ATTACKER_IP).with(REQUESTS).call("iam:CreateAccessKey", 15, 3));
        assertFalse(run(events).isEmpty(), "with the default 7 days, the same events are a threat");

        detector = new AnomalyDetector(new BaselineStore(), BaselineSettings.defaults().withLearning(Duration.ofDays(30)), AttackCatalog.v19());
        assertEquals(List.of(), run(events));
    }

    @Test
    void aBurstOfOneActionFarAboveItsDailyRateIsADeparture() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(workdays(Calls.user("alice"), 0, 15));
        // at night with a new client (0.8 + 0.4): not yet a threat; the 50th download of the session makes it one
        Calls bulk = Calls.user("alice").with(REQUESTS);
        for (int i = 0; i < 50; i++) {
            events.add(bulk.call("s3:GetObject", 15, 2 + i * 0.001));
        }
        List<Detection> found = run(events);
        assertEquals(1, found.size(), found.toString());
        assertEquals(events.get(events.size() - 1).eventId(), found.get(0).eventId(), "raised by the 50th call");
        assertTrue(found.get(0).explanation().contains("50 calls to s3:GetObject in this session, against about 4 a day usually"),
                found.get(0).explanation());
    }

    @Test
    void anAssumedRoleSessionWithOrWithoutItsIssuerInTheRecordIsTheSameIdentity() {
        Calls full = Calls.roleSession("ci-deploy", "run-1", "ASIARUN1");
        Event withIssuer = full.call("ecs:DescribeServices", 0, 10);
        Event bare = new Event("bare-1", withIssuer.eventTime(), withIssuer.accountId(), "us-east-1", "ecs.amazonaws.com",
                "DescribeServices", "AwsApiCall", true, null, null, Calls.OFFICE_IP, Calls.CLI,
                new dev.trailhound.core.event.Principal("AssumedRole", withIssuer.principal().arn(), Calls.ACCOUNT, null, "run-1",
                        "ASIARUN1", null, null, null, null, null, null, false), "{}".getBytes());
        assertEquals(Subject.of(withIssuer), Subject.of(bare));
        assertEquals("arn:aws:iam::111122223333:role/ci-deploy", Subject.of(bare).key());
    }

    @Test
    void inAnUnusualSessionTheFirstSensitiveCallOfEachKindIsNamedEvenWhenItIsAHabit() {
        List<Event> events = new ArrayList<>(colleagues(16));
        Calls alice = Calls.user("alice");
        for (int day = 0; day < 15; day++) {
            events.add(alice.call("secretsmanager:GetSecretValue", day, 9.5));
        }
        events.addAll(workdays(alice, 0, 15));
        Calls thief = Calls.user("alice").from(ATTACKER_IP).with(REQUESTS);
        events.add(thief.call("sts:GetCallerIdentity", 15, 3));
        Event secret = thief.call("secretsmanager:GetSecretValue", 15, 3.01);
        events.add(secret);
        events.add(thief.call("secretsmanager:GetSecretValue", 15, 3.02));

        List<Detection> found = run(events);

        assertEquals(2, found.size(), found.toString());
        Detection step = found.get(1);
        assertEquals(secret.eventId(), step.eventId());
        assertEquals("secretsmanager:GetSecretValue by alice in an unusual session", step.title());
        assertTrue(step.explanation().startsWith("secretsmanager:GetSecretValue (a secret or parameter read) in this unusual session;"
                + " alice has made this call 15 times in 14 days, in its usual sessions"), step.explanation());
        assertEquals(List.of("TA0006"), ids(step.tactics()));
    }

    @Test
    void aPersonIsOneIdentityAcrossAccountsAndPermissionSets() {
        List<Event> events = new ArrayList<>(colleagues(16));
        events.addAll(workdays(Calls.person("zoe@example.com", "444455556666", "Admin"), 0, 16));
        events.addAll(workdays(Calls.person("erin@example.com", Calls.ACCOUNT, "Admin"), 0, 15));
        // the first day in another account, with another permission set, from the usual place and client
        events.addAll(workdays(Calls.person("erin@example.com", "444455556666", "ReadOnly"), 15, 1));
        assertEquals(List.of(), run(events));
        assertEquals(5, store.subjects(), "erin is one identity, not one per account and permission set");
        LearningState erin = store.learningState("person:erin@example.com", Calls.MONDAY.plus(Duration.ofDays(15).plusHours(12)),
                BaselineSettings.defaults());
        assertFalse(erin.learning(), "her history in the first account counts in the second");
        assertEquals(15, erin.daysObserved());
    }

    @Test
    void withIpIntelligenceANewOperatorAndCountrySayMoreThanANewNetwork() throws Exception {
        List<Event> habit = new ArrayList<>(colleagues(16));
        habit.addAll(workdays(Calls.user("alice").from("84.150.3.7"), 0, 15));
        // the same client, at the usual hour, from a hosting provider abroad
        Event fromHosting = Calls.user("alice").from("159.223.10.20").call("s3:ListBuckets", 15, 10);

        List<Event> plain = new ArrayList<>(habit);
        plain.add(fromHosting);
        assertEquals(List.of(), run(plain), "a new /24 alone is not enough");

        BaselineStore informed = new BaselineStore();
        detector = new AnomalyDetector(informed, BaselineSettings.defaults().withIntelligence(IpIntelligenceTest.sample()), AttackCatalog.v19());
        List<Detection> found = run(plain);
        assertEquals(1, found.size(), found.toString());
        String why = found.get(0).explanation();
        assertTrue(why.contains("first request from AS14061 DIGITALOCEAN-ASN (never seen for alice, usually AS3320 DTAG Internet service provider operations;"), why);
        assertTrue(why.contains("first request from country US (never seen for alice, usually DE;"), why);
    }

    @Test
    void changingAnotherIdentityForTheFirstTimeIsNamed() {
        List<Event> events = new ArrayList<>(colleagues(16));
        Calls admin = Calls.user("alice");
        for (int day = 0; day < 15; day++) {
            events.add(admin.call("iam:AttachUserPolicy", day, 10, "{\"userName\":\"bob\",\"policyArn\":\"arn:aws:iam::aws:policy/ReadOnlyAccess\"}"));
            events.add(admin.call("iam:CreateAccessKey", day, 10.5, "{}"));   // her own keys: no identity acted on
        }
        events.addAll(workdays(admin, 0, 15));
        Calls thief = Calls.user("alice").from(ATTACKER_IP).with(REQUESTS);
        events.add(thief.call("sts:GetCallerIdentity", 15, 3));
        Event backdoor = thief.call("iam:CreateAccessKey", 15, 3.1, "{\"userName\":\"carol\"}");
        events.add(backdoor);

        List<Detection> found = run(events);

        Detection last = found.get(found.size() - 1);
        assertEquals(backdoor.eventId(), last.eventId());
        assertTrue(last.explanation().contains("first time alice changes IAM user carol (iam:CreateAccessKey; 1 other identity changed before)"),
                last.explanation());
    }
}
