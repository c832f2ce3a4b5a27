package dev.trailhound.formats.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.rules.RuleProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigmaProblemsTest {
    private static List<String> problems(String yaml) {
        return SigmaHarness.compile(yaml).problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void an_unknown_modifier_is_reported_at_its_field_with_the_supported_list() {
        assertThat(problems(SigmaHarness.rule("  sel:\n    eventName|windash: x\n  condition: sel")))
                .singleElement().asString().startsWith("test.yml:8:5: field 'eventName': modifier 'windash' is not supported")
                .contains("contains, startswith");
    }

    @Test
    void a_condition_naming_a_missing_search_points_at_the_name() {
        assertThat(problems(SigmaHarness.rule("  sel:\n    eventName: x\n  condition: sel and not fliter")))
                .singleElement().asString().startsWith("test.yml:9:26: condition names 'fliter'").contains("searches: sel");
    }

    @Test
    void condition_syntax_errors_say_where() {
        assertThat(problems(SigmaHarness.rule("  sel:\n    eventName: x\n  condition: (sel and sel")))
                .singleElement().asString().startsWith("test.yml:9:26:").contains("missing ')'");
        assertThat(problems(SigmaHarness.rule("  sel:\n    eventName: x\n  condition: sel | count() > 5")))
                .singleElement().asString().contains("write a correlation rule");
    }

    @Test
    void every_problem_of_a_rule_is_listed_at_once() {
        String yaml = SigmaHarness.rule("  sel:\n    eventName|re: '(unclosed'\n    sourceIPAddress|cidr: 10.0.0.0/33\n    userAgent|foo: x\n  condition: sel")
                .replace("level: high", "level: severe");
        assertThat(problems(yaml)).hasSize(4).anySatisfy(p -> assertThat(p).contains("invalid regular expression"))
                .anySatisfy(p -> assertThat(p).contains("prefix length")).anySatisfy(p -> assertThat(p).contains("'foo'"))
                .anySatisfy(p -> assertThat(p).contains("level must be"));
    }

    @Test
    void invalid_yaml_is_reported_with_its_position() {
        assertThat(problems("title: x\ndetection:\n  sel: [a, b\n")).singleElement().asString().startsWith("test.yml:").contains("not valid YAML");
    }

    @Test
    void duplicate_fields_in_one_selection_are_refused_rather_than_silently_merged() {
        assertThat(problems(SigmaHarness.rule("  sel:\n    eventName: a\n    eventName: b\n  condition: sel")))
                .anySatisfy(p -> assertThat(p).startsWith("test.yml:9:5").contains("appears twice"));
    }

    @Test
    void correlations_with_unknown_rules_or_upper_bounds_are_refused() {
        String yaml = "title: c\nid: 1\nlevel: high\ncorrelation:\n  type: event_count\n  rules: [nope]\n  timespan: 5m\n  condition: {lt: 3}\n";
        assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("rule 'nope' is not loaded"))
                .anySatisfy(p -> assertThat(p).contains("upper bound"));
    }

    @Test
    void a_placeholder_without_values_is_a_problem_not_a_silent_false() {
        assertThat(problems(SigmaHarness.rule("  sel:\n    sourceIPAddress|expand: '%admin_ips%'\n  condition: sel")))
                .singleElement().asString().contains("placeholder %admin_ips% has no values");
    }

    @Test
    void rules_for_other_log_sources_are_skipped_and_counted() {
        SigmaFile f = new SigmaParser().parse("x.yml", "title: t\nlogsource: {product: windows}\ndetection: {sel: {a: b}, condition: sel}\n");
        assertThat(f.rules()).isEmpty();
        assertThat(f.problems()).isEmpty();
        assertThat(f.otherLogSources()).isEqualTo(1);
    }
}
