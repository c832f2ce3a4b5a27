package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Routine work that a behavioural baseline could mistake for an attack, labelled by principal and span (it is the
 * principals' own routine, not scripted calls): the weekly Terraform apply, which touches many services once a
 * week, so that its second run still holds calls the first did not make; and the nightly posture scan, whose every
 * run is a storm of AccessDenied. Labelled {@code benign} with signal {@code behaviour}, like the new hire's first
 * days ({@link NewHire}).
 */
final class BehaviourLookAlikes {
    private BehaviourLookAlikes() {
    }

    static List<Scenario> all(ScenarioStage stage) {
        List<Scenario> all = new ArrayList<>();
        routine(stage, "weekly-terraform-apply", "terraform-apply/", "Weekly Terraform apply in every account",
                "The scheduled Terraform apply runs from a GitHub runner once a week in every account, reading and"
                        + " changing IAM, EC2, S3, Lambda, KMS, SSM and more; each run picks other resources, so a"
                        + " later run makes calls an earlier one did not.").ifPresent(all::add);
        routine(stage, "nightly-scanner-access-denied", "scanner/", "Nightly posture scan and its AccessDenied storm",
                "The third-party posture scanner assumes its role in every account at about 02:00 UTC and reads"
                        + " everything; its newer modules call cost, AI, template and support APIs that the role does not"
                        + " allow, so every run is a storm of AccessDenied, each retried.").ifPresent(all::add);
        return all;
    }

    /** A label for every visit of the principals whose cast id starts with {@code prefix}; none when they made none. */
    private static Optional<Scenario> routine(ScenarioStage stage, String id, String prefix, String title,
            String description) {
        List<PlannedVisit> visits = stage.routineOf(prefix);
        if (visits.isEmpty()) {
            return Optional.empty();
        }
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> principals = new LinkedHashSet<>();
        long end = Long.MIN_VALUE;
        for (PlannedVisit v : visits) {
            accounts.add(v.visit().account().id());
            principals.add(v.caller().credential().arn());
            end = Math.max(end, v.visit().end());
        }
        // the last calls of a visit repeat a few seconds after its end
        ScenarioLabel label = new ScenarioLabel(id, ScenarioLabel.BENIGN, title, description, List.of(), List.of(),
                List.of(), List.copyOf(accounts), List.copyOf(principals), TimeFormat.iso(visits.get(0).visit().start()),
                TimeFormat.iso(end + 60), List.of(), List.of(), ScenarioLabel.BEHAVIOUR);
        return Optional.of(new Scenario(label, List.of()));
    }
}
