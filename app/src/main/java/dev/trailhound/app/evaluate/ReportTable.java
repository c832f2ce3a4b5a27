package dev.trailhound.app.evaluate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Prints an evaluation for people: the figures against their targets, then what a rule author can act on. */
final class ReportTable {
    private final PrintWriter out;

    ReportTable(PrintWriter out) {
        this.out = out;
    }

    void print(EvaluationReport report) {
        out.println("Trailhound evaluation, " + report.generatedAt());
        out.println("corpus: " + report.corpus() + "   detection: " + report.detection());
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
