package dev.trailhound.app.evaluate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Prints an evaluation for people: the figures against their targets, then what a rule author can act on. */
final class ReportTable {
    /** Rules listed behind the simulated organisations' false-positive threats. */
    private static final int TOP_RULES = 10;
    private final PrintWriter out;

    ReportTable(PrintWriter out) {
        this.out = out;
    }

    void print(EvaluationReport report) {
        out.println("Trailhound evaluation, " + report.generatedAt());
        out.println((report.corpus() == null ? "" : "corpus: " + report.corpus() + "   ") + "detection: " + report.detection());
        report.datasets().forEach((d, s) -> out.println("  " + d + ": " + s));
        out.println();
        out.printf("%-80s %-20s %-8s %s%n", "FIGURE", "RESULT", "TARGET", "MET");
        for (Figure f : report.figures()) {
            out.printf("%-80s %-20s %-8s %s%n", f.label(), f.result(), f.target(), f.met() == null ? "" : f.met() ? "yes" : "NO");
        }
        if (report.stratus() != null) {
            stratus(report.stratus());
        }
        if (report.invictus() != null) {
            invictus(report.invictus());
        }
        if (report.panther() != null) {
            panther(report.panther());
        }
        if (report.pantherScenarios() != null) {
            scenarios(report.pantherScenarios());
        }
        if (report.otrf() != null) {
            otrf(report.otrf());
        }
        if (report.simulated() != null) {
            simulated(report.simulated());
        }
        if (!report.ruleFailures().isEmpty()) {
            section("Rules that threw (isolated; the events were skipped for them)");
            report.ruleFailures().forEach((rule, n) -> out.println("  " + rule + ": " + n + " events"));
        }
        out.flush();
    }

    private void stratus(StratusReport r) {
        List<StratusFile> missed = r.files().stream().filter(f -> !f.detected()).toList();
        section("Stratus Red Team: captures without a threat of the expected tactic (" + missed.size() + " of " + r.files().size() + ")");
        for (StratusFile f : missed) {
            out.println("  " + f.technique() + "  expects " + ExpectedTactics.describe(f.acceptedTactics()) + "  key calls "
                    + String.join(", ", f.keyEvents()) + " " + f.keyOutcomes());
            out.println("      " + switch (f.outcome()) {
                case StratusEvaluation.NO_THREAT -> "no threat; events read: " + f.events();
                case StratusEvaluation.UNREADABLE -> "unreadable: " + f.rejections();
                default -> "raised instead: " + threats(f.threats());
            });
        }
        List<StratusFile> offKey = r.files().stream().filter(f -> f.detected() && !f.onKeyEvent()).toList();
        if (!offKey.isEmpty()) {
            section("Stratus Red Team: detected, but not on a key event (" + offKey.size() + ")");
            offKey.forEach(f -> out.println("  " + f.technique() + "  key calls " + String.join(", ", f.keyEvents())
                    + "  raised: " + threats(f.threats())));
        }
        notes("Stratus", r.labelNotes());
    }

    private void invictus(InvictusReport r) {
        List<InvictusTechnique> missed = r.techniques().stream().filter(t -> !t.detected()).toList();
        section("Invictus IR: techniques not detected on their key events (" + missed.size() + " of " + r.techniques().size() + ")");
        for (InvictusTechnique t : missed) {
            out.println("  " + t.technique() + "  key calls " + String.join(", ", t.keyCalls()) + " " + t.keyOutcomes()
                    + " e.g. " + t.keyEventIds().get(0)
                    + (t.offKeyRules().isEmpty() ? "" : "  detected off key by: " + String.join("; ", t.offKeyRules())));
        }
        labelled("Invictus IR: noise threats (detections only on warm-up, revert or background events)", r.noiseThreats());
        labelled("Invictus IR: threats on events missing from the labels", r.unlabelledThreats());
        if (!r.rejections().isEmpty()) {
            section("Invictus IR: rejected records");
            r.rejections().forEach((why, n) -> out.println("  " + n + " x " + why));
        }
        notes("Invictus IR", r.labelNotes());
    }

    private void panther(PantherReport r) {
        Map<String, List<PantherCase>> failing = new LinkedHashMap<>();
        r.cases().stream().filter(c -> !c.outcome().equals(PantherCasesEvaluation.PASS))
                .forEach(c -> failing.computeIfAbsent(c.ruleId(), k -> new ArrayList<>()).add(c));
        section("Panther rule tests: rules with cases not passed (" + failing.size() + " rules)");
        failing.forEach((rule, cases) -> {
            PantherCase first = cases.get(0);
            out.println("  " + rule + "  " + ExpectedTactics.describe(first.acceptedTactics()) + "  \"" + first.ruleName() + "\"");
            for (PantherCase c : cases) {
                String what = switch (c.outcome()) {
                    case PantherCasesEvaluation.MISS -> "missed positive" + (c.threats().isEmpty() ? "" : ", raised " + threats(c.threats()));
                    case PantherCasesEvaluation.FALSE_THREAT -> "negative raised " + threats(c.threats());
                    default -> "unreadable (" + (c.expected() ? "positive" : "negative") + "): " + String.join("; ", c.rejections().keySet());
                };
                out.println("      line " + c.line() + " \"" + c.name() + "\": " + what
                        + (c.notes().isEmpty() ? "" : "  [" + String.join("; ", c.notes()) + "]"));
            }
        });
        if (!r.unreadable().isEmpty()) {
            section("Panther rule tests: events scan could not read");
            r.unreadable().forEach((why, n) -> out.println("  " + n + " x " + why));
        }
        notes("Panther", r.labelNotes());
    }

    private void scenarios(ScenariosReport r) {
        section("Panther scenarios");
        for (ScenarioFile f : r.files()) {
            List<ScenarioRecord> records = r.records().stream().filter(x -> x.file().equals(f.file())).toList();
            long raising = records.stream().filter(x -> !x.threats().isEmpty()).count();
            out.println("  " + f.file() + " (" + (f.malicious() ? "attacker" : "victim") + "): whole file: " + f.records() + " records, "
                    + f.events() + " kept, " + f.duplicates() + " duplicates, " + f.threats().size() + " threats"
                    + (f.threats().isEmpty() ? "" : " " + threats(f.threats())) + "; alone: " + raising + " of " + records.size()
                    + " records raise a threat");
            for (ScenarioRecord x : records) {
                if (f.malicious() ? x.threats().isEmpty() : !x.threats().isEmpty()) {
                    out.println("      line " + x.line() + " " + x.call() + " " + x.eventTime() + ": "
                            + (x.threats().isEmpty() ? "no threat" + (x.rejections().isEmpty() ? "" : " " + x.rejections()) : threats(x.threats())));
                }
            }
        }
        notes("Panther scenarios", r.labelNotes());
    }

    private void otrf(OtrfReport r) {
        section("OTRF cloud breach: " + r.events() + " of " + r.records() + " records read; " + r.maliciousDetected().size()
                + " malicious records detected; " + r.falseThreats().size() + " false threats");
        r.rejections().forEach((why, n) -> out.println("  rejected " + n + " x " + why));
        labelled("OTRF: false threats", r.falseThreats());
        labelled("OTRF: threats on records missing from the labels", r.unlabelledThreats());
        notes("OTRF", r.labelNotes());
    }

    private void simulated(SimulatedReport r) {
        section("Simulated organisations (" + r.days() + (r.days() == 1 ? " day" : " days") + " each" + (r.scale() > 0 ? ", about " + r.scale() + " events" : "") + ")");
        String format = "  %-8s %11s %-14s %-12s %-11s %-14s %5s %10s %8s %7s %7s %9s%n";
        out.printf(Locale.ROOT, format, "SEED", "EVENTS", "ATTACKS ON KEY", "WITH TACTIC", "BEHAVIOURAL", "BENIGN RAISED", "FP",
                "FP/100K EV", "FP/WEEK", "SIM S", "SCAN S", "EVENTS/S");
        long attacks = 0;
        long behavioural = 0;
        long behaviouralDetected = 0;
        long benign = 0;
        long detected = 0;
        long withTactic = 0;
        long raised = 0;
        long simulationMs = 0;
        for (SimulatedSeed s : r.seeds()) {
            out.printf(Locale.ROOT, format, s.seed(), String.format(Locale.ROOT, "%,d", s.events()), s.attacksDetected() + " / " + s.attacks(),
                    s.attacksDetectedWithTactic() + " / " + s.attacks(),
                    s.behaviouralAttacksDetected() + " / " + s.behaviouralAttacks(), s.benignWithThreat() + " / " + s.benign(),
                    s.falsePositiveThreats(), decimal(s.falsePositivesPer100kEvents()), decimal(s.falsePositivesPerWeek()),
                    decimal(s.simulationMs() / 1000.0), decimal(s.scanMs() / 1000.0), String.format(Locale.ROOT, "%,.0f", s.eventsPerSecond()));
            attacks += s.attacks();
            benign += s.benign();
            detected += s.attacksDetected();
            withTactic += s.attacksDetectedWithTactic();
            behavioural += s.behaviouralAttacks();
            behaviouralDetected += s.behaviouralAttacksDetected();
            raised += s.benignWithThreat();
            simulationMs += s.simulationMs();
        }
        out.printf(Locale.ROOT, format, "total", String.format(Locale.ROOT, "%,d", r.events()), detected + " / " + attacks, withTactic + " / " + attacks,
                behaviouralDetected + " / " + behavioural, raised + " / " + benign, r.falsePositiveThreats(), decimal(r.falsePositivesPer100kEvents()),
                decimal(r.falsePositivesPerWeek()), decimal(simulationMs / 1000.0), decimal(r.scanMs() / 1000.0),
                String.format(Locale.ROOT, "%,.0f", r.eventsPerSecond()));
        List<String> lines = new ArrayList<>();
        missed(r, false, lines);
        listing("Simulated: attacks without a detection on a key event" + " (" + lines.size() + ")", lines);
        missed(r, true, lines);
        listing("Simulated: behavioural attacks (no rule sees them) without a detection on a key event" + " (" + lines.size() + ")",
                lines);
        r.seeds().forEach(s -> s.attackScenarios().stream().filter(a -> a.detected() && !a.withTactic()).forEach(a -> lines.add("  seed "
                + s.seed() + "  " + a.scenario() + "  expects " + ExpectedTactics.describe(a.tactics()) + ", raised " + threats(a.threats()))));
        listing("Simulated: attacks detected on a key event, but without one of their tactics" + " (" + lines.size() + ")", lines);
        r.seeds().forEach(s -> s.benignScenarios().stream().filter(SimulatedBenign::raised).forEach(b -> lines.add("  seed " + s.seed()
                + "  " + b.scenario() + (b.behavioural() ? " [behaviour]" : "") + "  \"" + b.title() + "\": "
                + String.join("; ", b.rules()))));
        listing("Simulated: benign look-alikes that raised a threat" + " (" + lines.size() + ")", lines);
        r.falsePositiveRules().stream().limit(TOP_RULES).forEach(t -> lines.add(String.format(Locale.ROOT, "  %7d %10d  %s",
                t.threats(), t.detections(), t.rule())));
        if (!lines.isEmpty()) {
            lines.add(0, "  THREATS DETECTIONS  RULE");
        }
        listing("Simulated: rules behind the false-positive threats (top " + Math.min(TOP_RULES, r.falsePositiveRules().size())
                + " of " + r.falsePositiveRules().size() + " rules)", lines);
        for (SimulatedSeed s : r.seeds()) {
            Map<String, Long> grouped = new LinkedHashMap<>();
            s.falsePositives().forEach(f -> grouped.merge(f.threat().principal()
                    + (f.lookAlikes().isEmpty() ? "" : "  [look-alike " + String.join(", ", f.lookAlikes()) + "]")
                    + "  " + threats(List.of(f.threat())), 1L, Long::sum));
            grouped.forEach((what, n) -> lines.add("  seed " + s.seed() + "  " + n + " x " + what));
        }
        listing("Simulated: false-positive threats, by principal and rules" + " (" + lines.size() + ")", lines);
        r.seeds().forEach(s -> s.labelNotes().forEach(n -> lines.add("  seed " + s.seed() + ": " + n)));
        r.seeds().forEach(s -> s.rejections().forEach((why, n) -> lines.add("  seed " + s.seed() + ": rejected " + n + " x " + why)));
        listing("Simulated: label notes and rejected records" + " (" + lines.size() + ")", lines);
    }

    /** The attacks of one signal (rules or behaviour) that were not detected on a key event, one line each. */
    private static void missed(SimulatedReport r, boolean behavioural, List<String> lines) {
        r.seeds().forEach(s -> s.attackScenarios().stream().filter(a -> !a.detected() && a.behavioural() == behavioural)
                .forEach(a -> lines.add("  seed " + s.seed() + "  " + a.scenario() + "  expects " + ExpectedTactics.describe(a.tactics())
                        + ": " + (a.offKeyRules().isEmpty() ? "no detection on its events"
                        : "detected off key by " + String.join("; ", a.offKeyRules())))));
    }

    /** Prints a section with its lines, if any, and empties the list for the next. */
    private void listing(String title, List<String> lines) {
        if (!lines.isEmpty()) {
            section(title);
            lines.forEach(out::println);
            lines.clear();
        }
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private void labelled(String title, List<LabelledThreat> threats) {
        if (threats.isEmpty()) {
            return;
        }
        section(title + " (" + threats.size() + ")");
        for (LabelledThreat t : threats) {
            out.println("  " + t.threat().principal() + "  " + t.phases() + (t.techniques().isEmpty() ? "" : "  " + t.techniques())
                    + "  " + ExpectedTactics.describe(t.threat().tactics()));
            t.threat().rules().forEach(rule -> out.println("      " + rule));
        }
    }

    private void notes(String dataset, List<String> notes) {
        if (!notes.isEmpty()) {
            section(dataset + ": label notes");
            notes.forEach(n -> out.println("  " + n));
        }
    }

    private void section(String title) {
        out.println();
        out.println(title);
    }

    /** "TA0112 by ruleId title; TA0003 by ..." for a few threats. */
    static String threats(Collection<ThreatBrief> threats) {
        Set<String> parts = new LinkedHashSet<>();
        for (ThreatBrief t : threats) {
            parts.add(String.join("+", t.tactics()) + " by " + String.join(", ", t.rules()));
        }
        return parts.stream().collect(Collectors.joining("; "));
    }
}
