package dev.trailhound.core.rules;

import dev.trailhound.core.rules.match.AccountDirectory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings that shape compilation.
 *
 * @param placeholders values of {@code expand} placeholders, by name (without percent signs)
 * @param accounts     the organisation's own accounts, for {@code %external_accounts%} / {@code %own_accounts%}
 * @param disabled     ids (or names) of rules and correlations to leave out
 */
public record RuleCompileOptions(Map<String, List<String>> placeholders, AccountDirectory accounts, Set<String> disabled) {
    public RuleCompileOptions {
        placeholders = Map.copyOf(placeholders);
        disabled = Set.copyOf(disabled);
    }

    public static RuleCompileOptions defaults(AccountDirectory accounts) {
        return new RuleCompileOptions(Map.of(), accounts, Set.of());
    }
}
