package dev.trailhound.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {
    @Test
    void a_share_target_is_met_only_from_the_first_count_that_reaches_it() {
        assertThat(Figure.share("p", "positives", 197, 219, 0.90).met()).as("197/219 = 89.95%").isFalse();
        assertThat(Figure.share("p", "positives", 198, 219, 0.90).met()).isTrue();
        assertThat(Figure.share("p", "positives", 0, 0, 0.90).met()).as("nothing measured meets nothing").isFalse();
        assertThat(Figure.share("p", "positives", 198, 219, 0.90).result()).isEqualTo("198 / 219 (90.4%)");
    }

    @Test
    void count_targets_compare_inclusively() {
        assertThat(Figure.atLeast("s", "stratus", 33, 35, 33).met()).isTrue();
        assertThat(Figure.atLeast("s", "stratus", 32, 35, 33).met()).isFalse();
        assertThat(Figure.atMost("n", "noise", 5, 5).met()).isTrue();
        assertThat(Figure.atMost("n", "noise", 6, 5).met()).isFalse();
        assertThat(Figure.atMost("n", "noise", 6, 5).result()).isEqualTo("6");
        assertThat(Figure.info("i", "info", 1, 2).met()).isNull();
    }
}
