package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.attack.AttackCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Panther's rule tests ({@code panther/cases.jsonl}): one CloudTrail event per case, with whether Panther's
 * rule should fire on it. Each case's event is scanned alone, exactly as written (no field is added).
 *
 * <p>The case's behaviour is its rule's ATT&amp;CK tactics (v18 ids, read as v19; TA0005 accepts Stealth or
 * Defense Impairment). A positive case passes when a threat carries one of them; a negative case passes when
 * no threat does. For a rule without ATT&amp;CK mapping, a positive passes on any threat and a negative only
 * when no threat at all is raised. An event {@code scan} rejects is unreadable: it counts as a miss among the
 * positives and is left out of the negatives (an unread event proves no quietness).
 */
public final class PantherCasesEvaluation {
    static final String PASS = "pass";
    static final String MISS = "miss";
    static final String FALSE_THREAT = "false-threat";
    static final String UNREADABLE = "unreadable";
    static final double TARGET_POSITIVES = 0.90;
    static final double TARGET_NEGATIVES = 0.85;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private PantherCasesEvaluation() {
    }

    public static PantherReport evaluate(Path dir, CorpusScanner scanner) {
        Path file = dir.resolve("cases.jsonl");
        List<JsonNode> lines = CorpusFiles.readJsonLines(file);
        List<PantherCase> cases = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Long> unreadable = new TreeMap<>();
        try (ScratchFiles scratch = new ScratchFiles()) {
            int line = 0;
            for (JsonNode c : lines) {
                line++;
                PantherCase result = judge(line, c, file, scanner, scratch, notes);
                cases.add(result);
                if (result.outcome().equals(UNREADABLE)) {
                    result.rejections().forEach((reason, n) -> unreadable.merge(shape(reason), n, Long::sum));
                }
            }
        }
        notes.addAll(mappingNotes(cases));
        return new PantherReport(figures(cases), unreadable, cases, notes);
    }

    /**
     * Panther mappings whose technique is not in ATT&amp;CK v19 or does not serve the tactic: the case is still
     * scored by the tactic as labelled, but a rule author should know why a well-tagged rule misses it.
     */
    static List<String> mappingNotes(List<PantherCase> cases) {
        AttackCatalog attack = AttackCatalog.v19();
        Map<String, Long> casesByNote = new LinkedHashMap<>();
        for (PantherCase c : cases) {
            for (String pair : c.mitre()) {
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String techniqueId = pair.substring(colon + 1).strip();
                Set<String> tactics = ExpectedTactics.of(pair).orElse(Set.of());
                var technique = attack.technique(techniqueId);
                String note = null;
                if (technique.isEmpty()) {
                    note = c.ruleId() + ": " + pair + ": technique " + techniqueId + " is not in ATT&CK v19 (revoked or unknown)";
                } else if (technique.get().tacticIds().stream().noneMatch(tactics::contains)) {
                    note = c.ruleId() + ": " + pair + ": " + technique.get().id() + " does not serve " + pair.substring(0, colon)
                            + " in ATT&CK v19 (it serves " + String.join(", ", technique.get().tacticIds()) + "); scored by the tactic as labelled";
                }
                if (note != null) {
                    casesByNote.merge(note, 1L, Long::sum);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        casesByNote.forEach((note, n) -> notes.add(note + " (" + n + (n == 1 ? " case)" : " cases)")));
        return notes;
    }

    private static PantherCase judge(int line, JsonNode c, Path file, CorpusScanner scanner, ScratchFiles scratch, List<String> notes) {
        String ruleId = CorpusFiles.text(c, "rule_id", file);
        JsonNode event = c.get("event");
        if (event == null || !event.isObject() || !c.path("expected").isBoolean()) {
            throw new CorpusException(file + ": line " + line + ": a case needs an \"event\" object and a boolean \"expected\"");
        }
        boolean expected = c.path("expected").asBoolean();
        List<String> mitre = CorpusFiles.texts(c, "mitre");
        List<String> unknown = new ArrayList<>();
        Set<String> accepted = ExpectedTactics.ofAll(mitre, unknown);
        unknown.forEach(u -> notes.add("line " + line + " (" + ruleId + "): tactic \"" + u + "\" is not in the ATT&CK catalogue"));
        Path single = scratch.write(event);
        ScanOutcome outcome = scanner.scan(List.of(single));
        scratch.delete(single);
        boolean behaviourSeen = accepted.isEmpty() ? !outcome.threats().isEmpty() : outcome.anyThreatWith(accepted);
        String verdict;
        if (outcome.unreadable()) {
            verdict = UNREADABLE;
        } else if (expected) {
            verdict = behaviourSeen ? PASS : MISS;
        } else {
            verdict = behaviourSeen ? FALSE_THREAT : PASS;
        }
        return new PantherCase(line, ruleId, c.path("rule_name").asText(""), c.path("name").asText(""), expected, mitre,
                List.copyOf(accepted), verdict, caseNotes(c), outcome.rejectionsByReason(), outcome.briefs());
    }

    /** A rejection reason with the digits of its quoted values as 9, so one timestamp format counts once. */
    static String shape(String reason) {
        return QUOTED.matcher(reason).replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("[0-9]", "9")));
    }

    private static List<String> caseNotes(JsonNode c) {
        List<String> notes = new ArrayList<>(CorpusFiles.texts(c, "flags"));
        if (c.path("rule_enabled").isBoolean() && !c.path("rule_enabled").asBoolean()) {
            notes.add("rule disabled upstream");
        }
        if (c.hasNonNull("rule_threshold")) {
            notes.add("upstream alerts after " + c.path("rule_threshold").asText() + " matches");
        }
        if (c.has("mocks")) {
            notes.add("upstream test mocks " + c.path("mocks"));
        }
        if (c.path("mitre").isEmpty()) {
            notes.add("rule has no ATT&CK mapping");
        }
        return notes;
    }

    private static List<Figure> figures(List<PantherCase> cases) {
        long positives = cases.stream().filter(PantherCase::expected).count();
        long positivesPassed = cases.stream().filter(c -> c.expected() && c.outcome().equals(PASS)).count();
        long negativesRead = cases.stream().filter(c -> !c.expected() && !c.outcome().equals(UNREADABLE)).count();
        long negativesPassed = cases.stream().filter(c -> !c.expected() && c.outcome().equals(PASS)).count();
        long unreadable = cases.stream().filter(c -> c.outcome().equals(UNREADABLE)).count();
        return List.of(
                Figure.share("panther.positives", "Panther positive cases with a threat of the rule's tactic (unreadable = miss)",
                        positivesPassed, positives, TARGET_POSITIVES),
                Figure.share("panther.negatives", "Panther negative cases (readable) with no threat of the rule's tactic",
                        negativesPassed, negativesRead, TARGET_NEGATIVES),
                Figure.info("panther.unreadable", "Panther cases whose event scan rejects", unreadable, cases.size()));
    }
}
