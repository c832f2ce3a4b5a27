package dev.trailhound.app.evaluate;

import java.util.List;

/**
 * How the threats of one simulated organisation compare with its labels.
 *
 * @param attacks            every attack scenario, in label order
 * @param benign             every benign look-alike scenario, in label order
 * @param falsePositives     the threats that contain no event of any attack scenario
 * @param falsePositiveRules the rules behind those threats, most threats first
 */
record SimulationScore(List<SimulatedAttack> attacks, List<SimulatedBenign> benign, List<FalsePositiveThreat> falsePositives,
        List<RuleTally> falsePositiveRules) {
    SimulationScore {
        attacks = List.copyOf(attacks);
        benign = List.copyOf(benign);
        falsePositives = List.copyOf(falsePositives);
        falsePositiveRules = List.copyOf(falsePositiveRules);
    }

    long attacksDetected() {
        return attacks.stream().filter(SimulatedAttack::detected).count();
    }

    long attacksDetectedWithTactic() {
        return attacks.stream().filter(a -> a.detected() && a.withTactic()).count();
    }

    long benignRaised() {
        return benign.stream().filter(SimulatedBenign::raised).count();
    }

    long behaviouralAttacks() {
        return attacks.stream().filter(SimulatedAttack::behavioural).count();
    }

    long behaviouralAttacksDetected() {
        return attacks.stream().filter(a -> a.behavioural() && a.detected()).count();
    }

    long behaviouralBenign() {
        return benign.stream().filter(SimulatedBenign::behavioural).count();
    }

    long behaviouralBenignRaised() {
        return benign.stream().filter(b -> b.behavioural() && b.raised()).count();
    }
}
