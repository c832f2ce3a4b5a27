package dev.trailhound.core.rules.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigmaPatternTest {
    @Test
    void simple_shapes_compile_to_the_cheapest_matcher() {
        assertThat(SigmaPattern.parse("StopLogging").matcher(false)).isInstanceOf(ValueMatcher.Exact.class);
        assertThat(SigmaPattern.parse("Stop*").matcher(false)).isInstanceOf(ValueMatcher.Prefix.class);
        assertThat(SigmaPattern.parse("*Logging").matcher(false)).isInstanceOf(ValueMatcher.Suffix.class);
        assertThat(SigmaPattern.parse("*opLog*").matcher(false)).isInstanceOf(ValueMatcher.Contains.class);
        assertThat(SigmaPattern.parse("**").matcher(false)).isInstanceOf(ValueMatcher.Anything.class);
        assertThat(SigmaPattern.parse("S?op*ing").matcher(false)).isInstanceOf(ValueMatcher.Glob.class);
    }

    @Test
    void matchers_agree_with_the_meaning_of_the_pattern() {
        ValueMatcher glob = SigmaPattern.parse("S?op*ing").matcher(false);
        assertThat(glob.matches("stopLOGGING")).isTrue();
        assertThat(glob.matches("Stop")).isFalse();
        assertThat(SigmaPattern.parse("*opLog*").matcher(true).matches("StopLogging")).isTrue();
        assertThat(SigmaPattern.parse("*oplog*").matcher(true).matches("StopLogging")).isFalse();
        assertThat(SigmaPattern.parse("*oplog*").matcher(false).matches("StopLogging")).isTrue();
        assertThat(SigmaPattern.parse("").matcher(false).matches("")).isTrue();
        assertThat(SigmaPattern.parse("").matcher(false).matches("x")).isFalse();
    }

    @Test
    void backslashes_escape_wildcards_and_themselves_only() {
        assertThat(SigmaPattern.parse("a\\*b").matcher(false).matches("a*b")).isTrue();
        assertThat(SigmaPattern.parse("a\\*b").matcher(false).matches("axxb")).isFalse();
        assertThat(SigmaPattern.parse("C:\\Windows\\*").matcher(false).matches("C:\\Windows*")).isTrue();   // \W stays as written, \* is a literal star
        assertThat(SigmaPattern.parse("a\\\\*").matcher(false).matches("a\\anything")).isTrue();
        assertThat(SigmaPattern.parse("a.b").matcher(false).matches("axb")).isFalse();
    }

    @Test
    void contains_keeps_the_values_own_wildcards() {
        assertThat(SigmaPattern.parse("key*id").surrounded(true, true).matcher(false).matches("the key of id 7")).isTrue();
    }
}
