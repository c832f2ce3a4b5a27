package dev.trailhound.core.rules;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a rule's ATT&amp;CK tags ({@code attack.persistence}, {@code attack.t1098.001}) against the pinned
 * catalogue. Technique ids of v18 are translated to v19; {@code attack.defense-evasion} becomes Stealth.
 * A rule that names techniques but no tactic gets the techniques' tactics. Unknown tags are warnings, not
 * problems: users' rules are not held to the built-in pack's metadata standard.
 */
final class AttackTags {
    record Mapping(List<Tactic> tactics, List<Technique> techniques) {
    }

    private final AttackCatalog catalog;

    AttackTags(AttackCatalog catalog) {
        this.catalog = catalog;
    }

    Mapping map(RuleMetadata meta, List<RuleProblem> warnings) {
        Set<Tactic> tactics = new LinkedHashSet<>();
        Set<Technique> techniques = new LinkedHashSet<>();
        for (String tag : meta.tags()) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (!t.startsWith("attack.")) {
                continue;
            }
            String value = t.substring("attack.".length());
            if (value.matches("t\\d{4}(\\.\\d{3})?")) {
                catalog.technique(value).ifPresentOrElse(techniques::add, () -> warnings.add(new RuleProblem(meta.where(),
                        "rule " + meta.key() + ": tag '" + tag + "' is not an ATT&CK v19 technique (nor a v18 id that v19 renamed)")));
            } else if (value.matches("[gs]\\d{4}") || value.matches("ta\\d{4}") && catalog.tactic(value).isPresent()) {
                catalog.tactic(value).ifPresent(tactics::add);   // groups and software name no tactic
            } else {
                catalog.tactic(value).ifPresentOrElse(tactics::add, () -> warnings.add(new RuleProblem(meta.where(),
                        "rule " + meta.key() + ": tag '" + tag + "' is not an ATT&CK v19 tactic")));
            }
        }
        if (tactics.isEmpty()) {
            techniques.forEach(tech -> tactics.addAll(catalog.tacticsOf(tech)));
        }
        return new Mapping(catalog.sortByKillChain(tactics), List.copyOf(techniques));
    }

    /** A correlation without tags of its own takes the union of its members' mappings (rules and correlations). */
    Mapping inherit(int[] members, List<RuleMatcher> rules, List<CorrelationPlan> correlations, AttackTags tags) {
        Set<Tactic> tactics = new LinkedHashSet<>();
        Set<Technique> techniques = new LinkedHashSet<>();
        for (int member : members) {
            Mapping m;
            if (member >= 0) {
                m = rules.get(member).mapping();
            } else {
                CorrelationPlan plan = correlations.get(-member - 1);
                m = map(plan.metadata(), new ArrayList<>());
                if (m.tactics().isEmpty()) {
                    m = inherit(plan.members(), rules, correlations, tags);   // chains are acyclic: checked when compiled
                }
            }
            tactics.addAll(m.tactics());
            techniques.addAll(m.techniques());
        }
        return new Mapping(catalog.sortByKillChain(tactics), new ArrayList<>(techniques));
    }
}
