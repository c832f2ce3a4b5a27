package dev.trailhound.app.evaluate;

import dev.trailhound.app.scan.AccountNamesFile;
import dev.trailhound.app.scan.InvalidAccountsFileException;
import dev.trailhound.simulator.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Simulated organisations ({@code evaluate --simulate SEEDS}): for each seed, the simulator writes an
 * organisation's CloudTrail with labelled attack and benign look-alike scenarios into a temporary directory,
 * which is scanned alone, with the organisation's {@code accounts.json} as {@code scan --accounts} reads it,
 * scored against the labels ({@link SimulationScoring}) and deleted.
 */
public final class SimulatedEvaluation {
    static final String NAME = "simulated";

    private SimulatedEvaluation() {
    }

    /**
     * @param progress receives a line as each organisation is simulated and scanned (it takes a while)
     */
    public static SimulatedReport evaluate(SimulationPlan plan, CorpusScanner scanner, Consumer<String> progress) {
        List<SimulatedSeed> seeds = new ArrayList<>();
        for (long seed : plan.seeds()) {
            seeds.add(evaluate(plan, seed, scanner, progress));
        }
        return total(plan, seeds);
    }

    private static SimulatedSeed evaluate(SimulationPlan plan, long seed, CorpusScanner scanner, Consumer<String> progress) {
        try (ScratchFiles scratch = new ScratchFiles()) {
            Path org = scratch.dir();
            progress.accept("simulating seed " + seed + " (" + plan.days() + (plan.days() == 1 ? " day" : " days") + ") in " + org);
            long started = System.nanoTime();
            try {
                Simulator.run(plan.options(seed), org);
            } catch (IOException e) {
                throw new CorpusException("seed " + seed + ": the simulation failed: " + e);
            }
            long simulationMs = (System.nanoTime() - started) / 1_000_000;
            SimulationLabels labels = SimulationLabels.read(org.resolve("labels.json"));
            Map<String, String> accounts;
            try {
                accounts = AccountNamesFile.read(org.resolve("accounts.json"));
            } catch (InvalidAccountsFileException e) {
                throw new CorpusException("seed " + seed + ": " + e.getMessage());
            }
            ScanOutcome outcome = scanner.scan(List.of(org.resolve("AWSLogs")), accounts, plan.readerThreads());
            SimulatedSeed result = SimulatedSeed.of(seed, plan.days(), simulationMs, outcome,
                    SimulationScoring.score(labels.scenarios(), outcome.threats()), labels.notes());
            progress.accept(String.format(Locale.ROOT, "seed %d: %,d events scanned in %.1f s, %d threats",
                    seed, result.events(), result.scanMs() / 1000.0, outcome.threats().size()));
            return result;
        }
    }

    private static SimulatedReport total(SimulationPlan plan, List<SimulatedSeed> seeds) {
        long events = 0;
        long scanMs = 0;
        long attacks = 0;
        long detected = 0;
        long withTactic = 0;
        long benign = 0;
        long benignRaised = 0;
        long behavioural = 0;
        long behaviouralDetected = 0;
        long behaviouralBenign = 0;
        long behaviouralBenignRaised = 0;
        long falsePositives = 0;
        long days = 0;
        for (SimulatedSeed s : seeds) {
            events += s.events();
            scanMs += s.scanMs();
            attacks += s.attacks();
            detected += s.attacksDetected();
            withTactic += s.attacksDetectedWithTactic();
            benign += s.benign();
            benignRaised += s.benignWithThreat();
            behavioural += s.behaviouralAttacks();
            behaviouralDetected += s.behaviouralAttacksDetected();
            behaviouralBenign += s.behaviouralBenign();
            behaviouralBenignRaised += s.behaviouralBenignWithThreat();
            falsePositives += s.falsePositiveThreats();
            days += s.days();
        }
        List<Figure> figures = List.of(
                Figure.info("simulated.attacksDetected", "Simulated attacks with a detection on a key event", detected, attacks),
                Figure.info("simulated.attacksDetectedWithTactic", "... of which the threat carries one of the attack's tactics",
                        withTactic, attacks),
                Figure.info("simulated.behaviouralAttacksDetected",
                        "Simulated behavioural attacks (no rule sees them) detected on a key event", behaviouralDetected, behavioural),
                Figure.info("simulated.benignWithThreat", "Simulated benign look-alikes that raised a threat", benignRaised, benign),
                Figure.info("simulated.behaviouralBenignWithThreat", "Simulated behavioural look-alikes that raised a threat",
                        behaviouralBenignRaised, behaviouralBenign),
                Figure.info("simulated.falsePositiveThreats", "Simulated threats containing no attack event (false positives)",
                        falsePositives, -1));
        return new SimulatedReport(figures, plan.days(), plan.scale(), seeds, events, scanMs, SimulatedSeed.perSecond(events, scanMs),
                falsePositives, SimulatedSeed.per100k(falsePositives, events), SimulatedSeed.perWeek(falsePositives, days),
                SimulationScoring.merge(seeds.stream().map(SimulatedSeed::falsePositiveRules).toList()));
    }
}
