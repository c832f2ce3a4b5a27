package dev.trailhound.core.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConditionParserTest {
    @Test
    void not_binds_tighter_than_and_which_binds_tighter_than_or() throws Exception {
        Condition c = ConditionParser.parse("a or not b and c");
        assertThat(c).isInstanceOf(Condition.Or.class);
        Condition.Or or = (Condition.Or) c;
        assertThat(or.operands().get(0)).isEqualTo(new Condition.SearchRef("a", 1));
        assertThat(or.operands().get(1)).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) or.operands().get(1)).operands().get(0)).isInstanceOf(Condition.Not.class);
    }

    @Test
    void parentheses_group_and_quantifiers_take_patterns_or_them() throws Exception {
        Condition c = ConditionParser.parse("(sel1 or sel2) and not 1 of filter_* and all of them");
        assertThat(c).isInstanceOf(Condition.And.class);
        var ops = ((Condition.And) c).operands();
        assertThat(ops.get(0)).isInstanceOf(Condition.Or.class);
        assertThat(ops.get(1)).isEqualTo(new Condition.Not(new Condition.Quantified(false, "filter_*", 24)));
        assertThat(ops.get(2)).isEqualTo(new Condition.Quantified(true, "them", 42));
    }

    @Test
    void keywords_are_case_insensitive() throws Exception {
        assertThat(ConditionParser.parse("a AND NOT b")).isEqualTo(new Condition.And(java.util.List.of(
                new Condition.SearchRef("a", 1), new Condition.Not(new Condition.SearchRef("b", 11)))));
    }

    @Test
    void errors_name_the_column() {
        assertThatThrownBy(() -> ConditionParser.parse("a and")).isInstanceOf(ConditionSyntaxException.class)
                .satisfies(e -> assertThat(((ConditionSyntaxException) e).column()).isEqualTo(6));
        assertThatThrownBy(() -> ConditionParser.parse("a b")).hasMessageContaining("found 'b'");
        assertThatThrownBy(() -> ConditionParser.parse("2 of sel*")).hasMessageContaining("only '1 of' and 'all of'");
        assertThatThrownBy(() -> ConditionParser.parse("a)")).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> ConditionParser.parse("sel | count() by x > 5")).hasMessageContaining("correlation rule")
                .satisfies(e -> assertThat(((ConditionSyntaxException) e).column()).isEqualTo(5));
    }
}
