package dev.trailhound.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves correlations that list other correlations: members are renumbered from definition order to the
 * order of the plans that survived, a correlation whose member correlation was left out (a problem, disabled)
 * is left out too, and cycles are refused.
 */
final class CorrelationChains {
    private CorrelationChains() {
    }

    /**
     * @param planOfDefinition for each definition, the index of its plan, or -1 when it has none
     * @return the plans that can run, with correlation members numbered by their position in this list
     */
    static List<CorrelationPlan> resolve(List<CorrelationPlan> plans, List<Integer> planOfDefinition,
            List<CorrelationDefinition> definitions, List<RuleProblem> problems) {
        int n = definitions.size();
        boolean[] alive = new boolean[n];
        for (int d = 0; d < n; d++) {
            alive[d] = planOfDefinition.get(d) >= 0;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int d = 0; d < n; d++) {
                if (!alive[d]) {
                    continue;
                }
                for (int member : plans.get(planOfDefinition.get(d)).members()) {
                    if (member < 0 && !alive[-member - 1]) {
                        alive[d] = false;
                        changed = true;
                        problems.add(new RuleProblem(definitions.get(d).metadata().where(), "correlation "
                                + definitions.get(d).metadata().key() + " lists correlation " + definitions.get(-member - 1).metadata().key()
                                + ", which is not loaded (see its own problems)"));
                        break;
                    }
                }
            }
        }
        for (int d = 0; d < n; d++) {
            if (alive[d] && onCycle(d, d, plans, planOfDefinition, new HashSet<>())) {
                alive[d] = false;
                problems.add(new RuleProblem(definitions.get(d).metadata().where(), "correlation " + definitions.get(d).metadata().key()
                        + " is part of a cycle of correlations listing each other"));
            }
        }
        int[] newIndex = new int[n];
        int next = 0;
        for (int d = 0; d < n; d++) {
            newIndex[d] = alive[d] ? next++ : -1;
        }
        List<CorrelationPlan> out = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (!alive[d]) {
                continue;
            }
            CorrelationPlan p = plans.get(planOfDefinition.get(d));
            int[] members = p.members().clone();
            for (int i = 0; i < members.length; i++) {
                if (members[i] < 0) {
                    int target = newIndex[-members[i] - 1];
                    if (target < 0) {
                        problems.add(new RuleProblem(definitions.get(d).metadata().where(), "correlation "
                                + definitions.get(d).metadata().key() + " lists a correlation that is not loaded"));
                        return resolve(plans, withDropped(planOfDefinition, d), definitions, problems);
                    }
                    members[i] = -target - 1;
                }
            }
            out.add(new CorrelationPlan(p.metadata(), p.type(), members, p.groupBy(), p.timespanMillis(), p.threshold(),
                    p.strictlyGreater(), p.valueField(), p.generate(), p.severity()));
        }
        return out;
    }

    private static List<Integer> withDropped(List<Integer> planOfDefinition, int d) {
        List<Integer> copy = new ArrayList<>(planOfDefinition);
        copy.set(d, -1);
        return copy;
    }

    private static boolean onCycle(int start, int current, List<CorrelationPlan> plans, List<Integer> planOfDefinition, Set<Integer> seen) {
        if (!seen.add(current) || planOfDefinition.get(current) < 0) {
            return false;
        }
        for (int member : plans.get(planOfDefinition.get(current)).members()) {
            if (member < 0) {
                int target = -member - 1;
                if (target == start || onCycle(start, target, plans, planOfDefinition, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
