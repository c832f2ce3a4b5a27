package dev.trailhound.formats.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleTestParserTest {
    @Test
    void cases_become_json_records_with_cloudtrail_types() {
        RuleTestFile f = new RuleTestParser().parse("x.tests.yml", """
                accounts: ["111122223333"]
                cases:
                  - name: one event
                    expect: match
                    event:
                      eventTime: 2026-11-02T10:00:00Z
                      readOnly: false
                      additionalEventData: {MFAUsed: No}
                      requestParameters: {fromPort: 22, ratio: 1.5, nothing: null}
                  - name: two events
                    expect: no_match
                    accounts: ["444455556666"]
                    events: [{eventName: A}, {eventName: B}]
                """);
        assertThat(f.problems()).isEmpty();
        assertThat(f.cases()).hasSize(2);
        assertThat(f.cases().get(0).expectMatch()).isTrue();
        assertThat(f.cases().get(0).events()).containsExactly("{\"eventTime\":\"2026-11-02T10:00:00Z\",\"readOnly\":false,"
                + "\"additionalEventData\":{\"MFAUsed\":\"No\"},\"requestParameters\":{\"fromPort\":22,\"ratio\":1.5,\"nothing\":null}}");
        assertThat(f.cases().get(1).events()).hasSize(2);
        assertThat(f.cases().get(1).accounts()).containsExactly("111122223333", "444455556666");
    }

    @Test
    void records_can_share_a_base_through_yaml_merge_keys() {
        RuleTestFile f = new RuleTestParser().parse("x.tests.yml", """
                base: &base {eventName: GetObject, requestParameters: {bucketName: b}}
                cases:
                  - name: two downloads
                    expect: match
                    events:
                      - {<<: *base, eventID: "1"}
                      - {<<: *base, eventID: "2", eventName: PutObject}
                """);
        assertThat(f.problems()).isEmpty();
        assertThat(f.cases().get(0).events()).containsExactly(
                "{\"eventID\":\"1\",\"eventName\":\"GetObject\",\"requestParameters\":{\"bucketName\":\"b\"}}",
                "{\"eventID\":\"2\",\"eventName\":\"PutObject\",\"requestParameters\":{\"bucketName\":\"b\"}}");
    }

    @Test
    void malformed_cases_are_problems_with_locations() {
        RuleTestFile f = new RuleTestParser().parse("x.tests.yml", "cases:\n  - name: no expectation\n    event: {a: 1}\n  - expect: match\n");
        assertThat(f.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).startsWith("x.tests.yml:2:5: case 'no expectation': expect must be match or no_match"))
                .anySatisfy(p -> assertThat(p).startsWith("x.tests.yml:4:5: a case needs a name"));
    }
}
