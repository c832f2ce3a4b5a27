package dev.trailhound.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A week of 100,000 events asked to come from 2,000 identities: the organization's cast and a crowd beside it. */
class IdentitiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final int IDENTITIES = 2_000;
    private static final long EVENTS = 100_000;
    /** Workload roles and service users of the crowd: a serial number in the name. */
    private static final Pattern CROWD_MACHINE = Pattern.compile(
            ".*(:assumed-role/[^/]+-\\d{4}(-instance)?-role/.*|:user/svc-.+-\\d{4})");

    /** The AWS CLI names each command at the end of its user agent. */
    private static final Pattern CLI_COMMAND = Pattern.compile(" md/command#\\S+$");

    @TempDir
    static Path dir;
    static SimulationSummary summary;
    static final List<JsonNode> records = new ArrayList<>();

    @BeforeAll
    static void simulateAWeek() throws IOException {
        summary = Simulator.run(options(7, 42, EVENTS, 1.0, IDENTITIES), dir.resolve("crowd"));
        for (Path file : SimulatorTest.files(dir.resolve("crowd/AWSLogs"))) {
            SimulatorTest.gunzip(file).path("Records").forEach(records::add);
        }
    }

    private static SimulationOptions options(int days, long seed, long events, double visitShare, int identities) {
        return new SimulationOptions(START, days, seed, events, true, 24 * 60, false, visitShare, identities);
    }

    @Test
    void distinct_principals_by_arn_and_by_the_identity_behind_them_are_within_a_tenth_of_the_request() {
        Set<String> arns = new HashSet<>();
        Set<String> identities = new HashSet<>();
        for (JsonNode r : records) {
            JsonNode id = r.path("userIdentity");
            String arn = id.path("arn").asText(null);
            if (arn == null) {
                continue;
            }
            arns.add(arn);
            String identity = identityBehind(id, arn);
            if (identity != null) {
                identities.add(identity);
            }
        }
        assertThat(arns.size()).isBetween(IDENTITIES * 9 / 10, IDENTITIES * 11 / 10);
        assertThat(identities.size()).isBetween(IDENTITIES * 9 / 10, IDENTITIES * 11 / 10);
    }

    @Test
    void the_volume_still_follows_the_requested_scale() {
        assertThat(summary.events()).isBetween(EVENTS * 8 / 10, EVENTS * 12 / 10);
    }

    @Test
    void the_labelled_scenarios_are_those_of_the_organization_alone_and_their_events_are_in_the_trail() throws IOException {
        Path alone = dir.resolve("alone");
        Simulator.run(options(7, 42, EVENTS, 0.01, 0), alone);
        assertThat(Files.readString(dir.resolve("crowd/labels.json")))
                .isEqualTo(Files.readString(alone.resolve("labels.json")));

        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.path("eventID").asText()));
        JsonNode labels = JSON.readTree(dir.resolve("crowd/labels.json").toFile());
        assertThat(labels.path("scenarios").size()).isEqualTo(summary.scenarios()).isGreaterThanOrEqualTo(20);
        labels.path("scenarios").forEach(s -> s.path("eventIds")
                .forEach(e -> assertThat(ids).as(s.path("id").asText()).contains(e.asText())));
    }

    @Test
    void each_added_workload_and_service_user_keeps_to_one_account_address_and_client() {
        Map<String, Set<String>> habits = new HashMap<>();
        for (JsonNode r : records) {
            JsonNode id = r.path("userIdentity");
            String arn = id.path("arn").asText("");
            if (!CROWD_MACHINE.matcher(arn).matches() || id.has("invokedBy")) {
                continue;
            }
            String client = CLI_COMMAND.matcher(r.path("userAgent").asText()).replaceFirst("");
            habits.computeIfAbsent(arn, a -> new HashSet<>())
                    .add(r.path("recipientAccountId").asText() + " " + r.path("sourceIPAddress").asText() + " " + client);
        }
        assertThat(habits.size()).isGreaterThan(IDENTITIES / 2);
        assertThat(habits).allSatisfy((arn, seen) -> assertThat(seen).as(arn).hasSize(1));
    }

    @Test
    void the_same_seed_writes_the_same_crowd() throws IOException {
        Path a = dir.resolve("same-a");
        Path b = dir.resolve("same-b");
        Simulator.run(options(1, 9, 20_000, 1.0, 500), a);
        Simulator.run(options(1, 9, 20_000, 1.0, 500), b);
        List<Path> first = SimulatorTest.files(a);
        List<Path> second = SimulatorTest.files(b);
        assertThat(second.stream().map(p -> b.relativize(p).toString()).toList())
                .isEqualTo(first.stream().map(p -> a.relativize(p).toString()).toList());
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).as(second.get(i).toString())
                    .isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    /**
     * Whose baseline an identity is, as the anomaly detector keys them: a user; a person's session of an Identity
     * Center role; any other role across its sessions; none for AWS services and service-linked roles.
     */
    private static String identityBehind(JsonNode id, String arn) {
        if (id.hasNonNull("invokedBy") && !id.path("invokedBy").asText().equals("signin.amazonaws.com")) {
            return null;
        }
        if (!id.path("type").asText().equals("AssumedRole")) {
            return arn;
        }
        JsonNode issuer = id.path("sessionContext").path("sessionIssuer");
        String role = issuer.path("userName").asText();
        if (issuer.path("arn").asText().contains(":role/aws-service-role/")) {
            return null;
        }
        String session = arn.substring(arn.lastIndexOf('/') + 1);
        return role.startsWith("AWSReservedSSO_") || session.contains("@") ? arn : issuer.path("arn").asText();
    }
}
