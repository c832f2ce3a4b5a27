package dev.trailhound.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AssetResolverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AssetResolver STANDARD = AssetResolver.standard();
    private static final Set<String> ACCOUNTS = Set.of("111122223333", "444455556666");
    private static final Pattern ACCOUNT_LIKE = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final Pattern TEST_NET = Pattern.compile("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.[0-9]{1,3}");

    /** One fixture: a full CloudTrail record and the assets it must give, written "TYPE kind id". */
    record FixtureCase(String file, String name, JsonNode record, List<String> expect) {
        String eventSource() {
            return record.path("eventSource").asText();
        }

        String eventName() {
            return record.path("eventName").asText();
        }
    }

    static Stream<Named<FixtureCase>> fixtureCases() {
        return fixtures().stream().map(c -> Named.of(c.file() + ": " + c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureCases")
    void derives_the_assets_each_fixture_record_expects(FixtureCase fixture) {
        List<Asset> assets = STANDARD.resolve(fixture.eventSource(), fixture.eventName(), fixture.record());

        assertThat(assets).extracting(AssetResolverTest::written)
                .as("assets of %s %s (table lines %s)", fixture.eventSource(), fixture.eventName(),
                        STANDARD.trace(fixture.eventSource(), fixture.eventName(), fixture.record()).stream()
                                .map(AssetMatch::line).toList())
                .containsExactlyElementsOf(fixture.expect());
    }

    @Test
    void every_line_of_the_asset_table_is_exercised_by_a_fixture() throws IOException {
        Set<Integer> fired = new TreeSet<>();
        for (FixtureCase fixture : fixtures()) {
            STANDARD.trace(fixture.eventSource(), fixture.eventName(), fixture.record())
                    .forEach(match -> fired.add(match.line()));
        }
        List<String> table = standardTableLines();
        List<String> unexercised = STANDARD.ruleLines().stream()
                .filter(line -> !fired.contains(line))
                .map(line -> line + ": " + table.get(line - 1))
                .toList();

        assertThat(unexercised).as("table lines no fixture exercises").isEmpty();
    }

    @Test
    void fixtures_use_documentation_account_ids_and_addresses() {
        List<String> offenders = new ArrayList<>();
        for (FixtureCase fixture : fixtures()) {
            Matcher account = ACCOUNT_LIKE.matcher(fixture.record().toString());
            while (account.find()) {
                if (!ACCOUNTS.contains(account.group())) {
                    offenders.add(fixture.name() + ": account " + account.group());
                }
            }
            String ip = fixture.record().path("sourceIPAddress").asText();
            if (!TEST_NET.matcher(ip).matches() && !ip.endsWith(".amazonaws.com")) {
                offenders.add(fixture.name() + ": address " + ip);
            }
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void names_nothing_for_a_service_the_table_does_not_know() throws IOException {
        JsonNode record = JSON.readTree("""
                {"eventSource": "example.amazonaws.com", "eventName": "PutThing",
                 "requestParameters": {"bucketName": "reports", "instanceId": "i-0123456789abcdef0"}}
                """);

        assertThat(STANDARD.resolve("example.amazonaws.com", "PutThing", record)).isEmpty();
    }

    @Test
    void tolerates_records_with_null_or_missing_parts() throws IOException {
        JsonNode nulls = JSON.readTree("""
                {"requestParameters": null, "responseElements": null, "resources": null}
                """);
        JsonNode wrongShapes = JSON.readTree("""
                {"requestParameters": {"instancesSet": "i-0123456789abcdef0", "groupId": {"id": "sg-1"},
                 "imageId": "  ", "volumeId": true}, "resources": [null, 7, {"type": 3}]}
                """);

        assertThat(STANDARD.resolve("ec2.amazonaws.com", "RunInstances", nulls)).isEmpty();
        assertThat(STANDARD.resolve("ec2.amazonaws.com", "RunInstances", wrongShapes)).isEmpty();
        assertThat(STANDARD.resolve("ec2.amazonaws.com", "RunInstances", null)).isEmpty();
        assertThat(STANDARD.resolve(null, null, nulls)).isEmpty();
    }

    @Test
    void keeps_each_asset_once_in_first_seen_order_and_at_most_fifty_per_event() {
        ObjectNode record = JSON.createObjectNode();
        ArrayNode items = record.putObject("requestParameters").putObject("instancesSet").putArray("items");
        for (int i = 0; i < 60; i++) {
            items.addObject().put("instanceId", "i-%017d".formatted(i % 55));
        }
        record.putObject("responseElements").putObject("instancesSet").putArray("items")
                .addObject().put("instanceId", "i-%017d".formatted(3));

        List<Asset> assets = STANDARD.resolve("ec2.amazonaws.com", "TerminateInstances", record);

        assertThat(assets).hasSize(AssetResolver.MAX_ASSETS).doesNotHaveDuplicates();
        assertThat(assets.getFirst()).isEqualTo(new Asset("EC2", "instance", "i-%017d".formatted(0)));
        assertThat(assets.getLast()).isEqualTo(new Asset("EC2", "instance", "i-%017d".formatted(49)));
    }

    @Test
    void applies_a_line_only_to_the_event_names_it_lists() throws IOException {
        AssetResolver resolver = AssetResolver.parse("test.tsv", """
                # a comment, then a blank line

                example.amazonaws.com	CreateThing,Update*	Example	thing	responseElements.thingId	as-is
                example.amazonaws.com	*	Example	owner	requestParameters.owner	as-is
                """);
        JsonNode record = JSON.readTree("""
                {"requestParameters": {"owner": "alice"}, "responseElements": {"thingId": "t-1"}}
                """);

        assertThat(resolver.resolve("example.amazonaws.com", "CreateThing", record))
                .containsExactly(new Asset("Example", "thing", "t-1"), new Asset("Example", "owner", "alice"));
        assertThat(resolver.resolve("example.amazonaws.com", "UpdateThingColour", record))
                .containsExactly(new Asset("Example", "thing", "t-1"), new Asset("Example", "owner", "alice"));
        assertThat(resolver.resolve("example.amazonaws.com", "DeleteThing", record))
                .containsExactly(new Asset("Example", "owner", "alice"));
        assertThat(resolver.trace("example.amazonaws.com", "CreateThing", record))
                .extracting(AssetMatch::line).containsExactly(3, 4);
    }

    @Test
    void joins_the_values_of_several_paths_with_a_slash() throws IOException {
        AssetResolver resolver = AssetResolver.parse("test.tsv",
                "example.amazonaws.com\t*\tExample\tpair\tleft[]+right\tas-is\n");
        JsonNode both = JSON.readTree("""
                {"left": ["a", "b"], "right": "z"}
                """);
        JsonNode oneMissing = JSON.readTree("""
                {"left": ["a", "b"]}
                """);

        assertThat(resolver.resolve("example.amazonaws.com", "Any", both)).extracting(Asset::id)
                .containsExactly("a/z", "b/z");
        assertThat(resolver.resolve("example.amazonaws.com", "Any", oneMissing)).isEmpty();
    }

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            as-is            | arn:aws:iam::aws:policy/AdministratorAccess                               | arn:aws:iam::aws:policy/AdministratorAccess
            name             | arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab | 1234abcd-12ab-34cd-56ef-1234567890ab
            name             | arn:aws:ecr:us-east-1:111122223333:repository/platform/base-images       | platform/base-images
            name             | arn:aws:rds:us-east-1:111122223333:snapshot:rds:orders-db-2024-06-02     | rds:orders-db-2024-06-02
            name             | arn:aws:sns:us-east-1:111122223333:security-alerts                       | security-alerts
            name             | orders-db                                                                | orders-db
            name             | arn::::table/orders                                                      | arn::::table/orders
            unqualified-name | arn:aws:lambda:us-east-1:111122223333:function:invoice-export:$LATEST    | invoice-export
            unqualified-name | arn:aws:lambda:us-east-1:111122223333:layer:shared-deps:4                | shared-deps
            unqualified-name | arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/app:*          | /aws/lambda/app
            unqualified-name | invoice-export:PROD                                                      | invoice-export:PROD
            last             | arn:aws:iam::111122223333:role/service-role/lambda-exec                  | lambda-exec
            last             | https://sqs.us-east-1.amazonaws.com/111122223333/order-events            | order-events
            last             | app-runner                                                               | app-runner
            resource         | arn:aws:s3:::finance-reports/reports/2024/q1.csv                         | finance-reports/reports/2024/q1.csv
            resource         | finance-reports                                                          | finance-reports
            secret-name      | arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-Xy9ZaB      | prod/db
            secret-name      | arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-key         | prod/db-key
            secret-name      | prod/db-Xy9ZaB                                                           | prod/db-Xy9ZaB
            parameter-name   | arn:aws:ssm:us-east-1:111122223333:parameter/prod/db-password            | /prod/db-password
            parameter-name   | arn:aws:ssm:us-east-1:111122223333:parameter/feature-flags               | feature-flags
            """)
    void turns_a_value_into_the_id_a_console_user_searches_for(String form, String value, String id) {
        assertThat(IdForm.byLabel(form)).hasValueSatisfying(f -> assertThat(f.apply(value)).isEqualTo(id));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "DBClusterSnapshot, db-cluster-snapshot",
        "SAMLProvider, saml-provider",
        "LogGroup, log-group",
        "Key, key",
        "EC2Fleet, ec2-fleet",
    })
    void kebab_cases_the_kind_of_a_cloudformation_type(String kind, String kebab) {
        assertThat(ResourceRule.kebab(kind)).isEqualTo(kebab);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ec2.amazonaws.com\t*\tEC2\tinstance\trequestParameters.instanceId                | expected 6 tab-separated columns, found 5
            ec2.amazonaws.com\t*\tEC2\tinstance\trequestParameters.instanceId\tnam          | unknown id form 'nam'
            ec2.amazonaws.com\t*\tEC2\tinstance\trequestParameters..instanceId\tas-is       | empty step in path
            ec2.amazonaws.com\t*\tEC2\tinstance\trequestParameters.items[0]\tas-is          | unexpected '['
            ec2.amazonaws.com\t*\tEC-2\tinstance\trequestParameters.instanceId\tas-is       | asset type 'EC-2'
            ec2.amazonaws.com\t*\tEC2\tSecurityGroup\trequestParameters.groupId\tas-is      | asset kind 'SecurityGroup'
            ec2.amazonaws.com\t*\t*\tinstance\trequestParameters.instanceId\tas-is          | asset type '*'
            ec2.amazonaws.com\tRun-Instances\tEC2\tinstance\trequestParameters.instanceId\tas-is | unexpected '-'
            EC2\t*\tEC2\tinstance\trequestParameters.instanceId\tas-is                      | neither an eventSource nor resources[]
            ec2.amazonaws.com\t*\tEC2\t\trequestParameters.instanceId\tas-is                | column 4 is empty
            resources[]\tAWS::S3::*\tS3\t*\tARN+key\tas-is                                   | resources[] lines take a single path
            ec2.amazonaws.com\t*\tEC2\tinstance\trequestParameters.imageId\tas-is          | repeats line 2
            """)
    void fails_loading_with_the_table_name_and_line_of_a_bad_line(String badLine, String problem) {
        String table = "# header\n"
                + "ec2.amazonaws.com\t*\tEC2\tinstance\trequestParameters.imageId\tas-is\n"
                + badLine.strip() + "\n";

        assertThatThrownBy(() -> AssetResolver.parse("bad.tsv", table))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("bad.tsv:3: ")
                .hasMessageContaining(problem);
    }

    @Test
    void fails_loading_a_missing_table_naming_it() {
        assertThatThrownBy(() -> AssetResolver.load("dev/trailhound/core/event/no-such-table.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev/trailhound/core/event/no-such-table.tsv");
    }

    @Test
    void shares_one_standard_resolver() {
        assertThat(AssetResolver.standard()).isSameAs(STANDARD);
        assertThat(STANDARD.ruleLines()).hasSizeGreaterThan(100);
    }

    private static String written(Asset asset) {
        return asset.type() + " " + asset.kind() + " " + asset.id();
    }

    private static List<FixtureCase> fixtures() {
        List<FixtureCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(fixtureDirectory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode c : JSON.readTree(file.toFile())) {
                    List<String> expect = new ArrayList<>();
                    c.get("expect").forEach(e -> expect.add(e.asText()));
                    cases.add(new FixtureCase(file.getFileName().toString(), c.get("name").asText(), c.get("record"),
                            List.copyOf(expect)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Path fixtureDirectory() {
        try {
            return Path.of(AssetResolverTest.class.getResource("assets").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> standardTableLines() throws IOException {
        try (InputStream in = AssetResolver.class.getClassLoader().getResourceAsStream(AssetResolver.STANDARD_TABLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
