package dev.trailhound.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailhound.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scan --detect all} end to end: baselines learn from the input, then judge it. */
class ScanAnomalyTest {
    private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final List<String> HABIT = List.of("ec2.amazonaws.com:DescribeInstances", "s3.amazonaws.com:ListBuckets",
            "logs.amazonaws.com:FilterLogEvents", "ecs.amazonaws.com:DescribeServices");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private Path input;
    private Path out;
    private int ids;

    private String record(String user, String sourceAndAction, Instant time, String ip, String agent) {
        String source = sourceAndAction.substring(0, sourceAndAction.indexOf(':'));
        String action = sourceAndAction.substring(sourceAndAction.indexOf(':') + 1);
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/" + user
                + "\",\"principalId\":\"AIDA" + user.toUpperCase() + "\",\"accountId\":\"111122223333\",\"userName\":\"" + user
                + "\",\"accessKeyId\":\"AKIA" + user.toUpperCase() + "\"},\"eventTime\":\"" + time + "\",\"eventSource\":\"" + source
                + "\",\"eventName\":\"" + action + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"" + agent
                + "\",\"eventID\":\"a-" + (++ids) + "\",\"eventType\":\"AwsApiCall\",\"readOnly\":true,\"recipientAccountId\":\"111122223333\"}";
    }

    @BeforeEach
    void writeTwoWeeks() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int day = 0; day < 14; day++) {
            for (String user : List.of("alice", "bob")) {
                for (int i = 0; i < 12; i++) {
                    Instant t = MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(9 * 60 + i * 20 + (user.equals("bob") ? 7 : 0)));
                    lines.add(record(user, HABIT.get(i % HABIT.size()), t, "198.51.100.23", "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0"));
                }
            }
        }
        Instant night = MONDAY.plus(Duration.ofDays(12)).plus(Duration.ofHours(3));
        for (String call : List.of("sts.amazonaws.com:GetCallerIdentity", "iam.amazonaws.com:ListAttachedUserPolicies",
                "secretsmanager.amazonaws.com:GetSecretValue")) {
            night = night.plusSeconds(20);
            lines.add(record("alice", call, night, "45.134.26.97", "python-requests/2.31.0"));
        }
        lines.sort((a, b) -> a.substring(a.indexOf("eventTime")).compareTo(b.substring(b.indexOf("eventTime"))));
        input = dir.resolve("trail.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
        out = dir.resolve("threats.jsonl");
    }

    private int scan(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("scan", "--out", out.toString()));
        all.addAll(List.of(args));
        all.add(input.toString());
        return cli.execute(all.toArray(String[]::new));
    }

    private List<JsonNode> threats() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> threats = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            threats.add(json.readTree(line));
        }
        return threats;
    }

    @Test
    void stolenKeysUsedTheWayNoRuleCatchesAreAnExplainedAnomalyThreat() throws IOException {
        assertThat(scan()).isZero();

        List<JsonNode> threats = threats();
        assertThat(threats).hasSize(1);
        JsonNode t = threats.get(0);
        assertThat(t.path("user").asText()).isEqualTo("alice");
        JsonNode first = t.path("detections").get(0);
        assertThat(first.path("kind").asText()).isEqualTo("anomaly");
        assertThat(first.path("explanation").asText())
                .contains("first request from network 45.134.26.0/24")
                .contains("python-requests/2.31.0 (a raw HTTP library) is new for alice (usually the AWS CLI)");
        assertThat(t.path("tactics").toString()).contains("TA0001").contains("TA0006");
        assertThat(t.path("eventIds")).hasSize(3);
        assertThat(err.toString()).contains("baselines: 2 identities (learning 7 days each; 0 still learning at the end)");
    }

    @Test
    void rulesAloneDoNotSeeIt() throws IOException {
        assertThat(scan("--detect", "rules")).isZero();
        assertThat(threats()).isEmpty();
        assertThat(err.toString()).doesNotContain("baselines:");
    }

    @Test
    void aLongerLearningPeriodJudgesNothingYet() throws IOException {
        assertThat(scan("--learning-days", "14")).isZero();
        assertThat(threats()).isEmpty();
        assertThat(err.toString()).contains("(learning 14 days each; 2 still learning at the end)");
    }

    @Test
    void baselinesSavedByOneScanJudgeTheNext() throws IOException {
        Path baselines = dir.resolve("baselines.json");
        List<String> all = Files.readAllLines(input);
        List<String> firstWeek = all.stream().filter(l -> l.contains("\"eventTime\":\"2026-11-0")).toList();
        List<String> rest = all.stream().filter(l -> !l.contains("\"eventTime\":\"2026-11-0")).toList();
        Files.write(input, firstWeek);
        assertThat(scan("--baselines", baselines.toString())).isZero();
        assertThat(threats()).isEmpty();
        assertThat(baselines).exists();

        // the second scan sees only the second week: without the saved baselines, everyone would still be learning
        Files.write(input, rest);
        assertThat(scan("--baselines", baselines.toString())).isZero();
        assertThat(threats()).hasSize(1);
        assertThat(scan()).isZero();
        assertThat(threats()).isEmpty();
    }

    @Test
    void aDamagedBaselinesFileStopsTheScanAndSaysWhatToDo() throws IOException {
        Path baselines = dir.resolve("baselines.json");
        Files.writeString(baselines, "{\"format\":\"trailhound-baselines/1\",\"identities\":[{\"key\":");
        assertThat(scan("--baselines", baselines.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--baselines " + baselines + ": not valid JSON at line 1")
                .contains("move the file away to start learning afresh");
    }

    @Test
    void ipIntelligenceNamesTheOperatorAndCountryOfANewNetwork() throws IOException {
        Path ranges = dir.resolve("asn.tsv");
        Files.writeString(ranges, "198.51.100.0\t198.51.100.255\t64500\tDE\tEXAMPLE-OFFICE-ISP\n"
                + "45.134.26.0\t45.134.26.255\t64501\tNL\tEXAMPLE-HOSTING\n");
        assertThat(scan("--ip-intelligence", ranges.toString())).isZero();
        List<JsonNode> threats = threats();
        assertThat(threats).hasSize(1);
        assertThat(threats.get(0).path("detections").get(0).path("explanation").asText())
                .contains("first request from AS64501 EXAMPLE-HOSTING (never seen for alice, usually AS64500 EXAMPLE-OFFICE-ISP;")
                .contains("first request from country NL (never seen for alice, usually DE;");
    }

    @Test
    void aBadIpIntelligenceFileStopsTheScanWithItsLine() throws IOException {
        Path ranges = dir.resolve("asn.csv");
        Files.writeString(ranges, "198.51.100.0,198.51.100.255,64500,DE,OFFICE\n45.134.26.0,oops,64501,NL,HOSTING\n");
        assertThat(scan("--ip-intelligence", ranges.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(ranges + ":2: 'oops' is not an IP address");
        assertThat(scan("--aws-ip-ranges", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--aws-ip-ranges " + dir.resolve("missing.json") + ": no such file");
    }
}
