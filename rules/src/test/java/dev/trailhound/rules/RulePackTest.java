package dev.trailhound.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.rules.RuleMetadata;
import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.formats.sigma.RuleTestFile;
import dev.trailhound.formats.sigma.RuleTestParser;
import dev.trailhound.formats.sigma.SigmaFile;
import dev.trailhound.rules.testing.CaseResult;
import dev.trailhound.rules.testing.RuleTestRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in pack's one catalogue test: every case of every rule's test file runs through the production
 * loader and engine (a failure prints each search's verdict and values), and the pack's metadata invariants
 * hold, each check listing every offender at once.
 */
class RulePackTest {
    private static final AttackCatalog CATALOG = AttackCatalog.v19();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern FILE_NAME = Pattern.compile("([a-z-]+)_([a-z0-9-]+)_([a-z0-9_-]+)\\.yml");

    static List<SigmaFile> files;
    static Map<String, String> testTexts = new HashMap<>();

    @BeforeAll
    static void load() {
        files = BuiltInRules.files();
        BuiltInRules.withDirectory(dir -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(RuleFiles::isTestFile).toList()) {
                    testTexts.put(p.getFileName().toString(), Files.readString(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    @TestFactory
    List<DynamicTest> every_case_of_every_rule_test_passes() {
        RuleTestRunner runner = new RuleTestRunner(files, CATALOG);
        List<DynamicTest> tests = new ArrayList<>();
        RuleTestParser parser = new RuleTestParser();
        for (SigmaFile file : files) {
            String name = fileName(file);
            String testName = name.replaceAll("\\.yml$", ".tests.yml");
            String text = testTexts.get(testName);
            if (text == null) {
                continue;   // reported by the invariants test
            }
            RuleTestFile suite = parser.parse(testName, text);
            Set<String> defined = new LinkedHashSet<>();
            file.rules().forEach(r -> defined.add(r.metadata().key()));
            file.correlations().forEach(c -> defined.add(c.metadata().key()));
            Set<String> underTest = suite.rule() != null ? Set.of(suite.rule()) : defined;
            tests.add(DynamicTest.dynamicTest(testName + " parses", () -> assertThat(suite.problems()).isEmpty()));
            for (CaseResult r : runner.run(suite, underTest)) {
                tests.add(DynamicTest.dynamicTest(testName + " :: " + r.caseName(),
                        () -> assertThat(r.passed()).as("%s (expect %s)%n%s", r.caseName(), r.expectMatch() ? "match" : "no_match", r.detail()).isTrue()));
            }
        }
        return tests;
    }

    @Test
    void the_pack_compiles_without_problems_or_warnings() {
        var compiled = Rules.compile(files, CATALOG, dev.trailhound.core.rules.RuleCompileOptions.defaults(id -> false));
        assertThat(compiled.problems()).extracting(RuleProblem::toString).isEmpty();
        assertThat(compiled.warnings()).extracting(RuleProblem::toString).isEmpty();
        assertThat(files).allSatisfy(f -> assertThat(f.otherLogSources()).as(f.source()).isZero());
    }

    @Test
    void every_rule_file_has_a_test_file_with_a_match_and_a_near_miss() {
        List<String> offenders = new ArrayList<>();
        Set<String> ruleFiles = new LinkedHashSet<>();
        RuleTestParser parser = new RuleTestParser();
        for (SigmaFile f : files) {
            String name = fileName(f);
            ruleFiles.add(name);
            String testName = name.replaceAll("\\.yml$", ".tests.yml");
            String text = testTexts.get(testName);
            if (text == null) {
                offenders.add(name + ": no " + testName);
                continue;
            }
            RuleTestFile suite = parser.parse(testName, text);
            if (suite.cases().stream().noneMatch(c -> c.expectMatch())) {
                offenders.add(testName + ": no case with expect: match");
            }
            if (suite.cases().stream().noneMatch(c -> !c.expectMatch())) {
                offenders.add(testName + ": no near-miss case with expect: no_match");
            }
        }
        testTexts.keySet().stream().filter(t -> !ruleFiles.contains(t.replace(".tests.yml", ".yml")))
                .forEach(t -> offenders.add(t + ": no rule file beside it"));
        assertThat(offenders).isEmpty();
    }

    @Test
    void every_rule_has_the_metadata_an_analyst_needs() {
        List<String> offenders = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (SigmaFile f : files) {
            List<RuleMetadata> docs = new ArrayList<>();
            f.rules().forEach(r -> docs.add(r.metadata()));
            f.correlations().forEach(c -> docs.add(c.metadata()));
            for (RuleMetadata m : docs) {
                String where = fileName(f) + " " + m.title();
                if (m.id() == null || !UUID.matcher(m.id()).matches()) {
                    offenders.add(where + ": id must be a lower-case UUID");
                } else if (ids.put(m.id(), where) != null) {
                    offenders.add(where + ": id " + m.id() + " is also used by " + ids.get(m.id()));
                }
                if (m.title().isBlank()) {
                    offenders.add(where + ": no title");
                }
                if (m.level() == null || "informational".equals(m.level())) {
                    continue;   // a building block of a correlation (the compiler refuses it if it raises anything alone)
                }
                if (m.description().isBlank()) {
                    offenders.add(where + ": no description");
                }
                if (m.references().isEmpty()) {
                    offenders.add(where + ": no references");
                }
                if (m.falsePositives().isEmpty()) {
                    offenders.add(where + ": no falsepositives");
                }
                if (m.status() == null) {
                    offenders.add(where + ": no status");
                }
                if (!List.of("low", "medium", "high", "critical").contains(String.valueOf(m.level()))) {
                    offenders.add(where + ": level must be low, medium, high or critical");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void attack_tags_name_v19_techniques_that_belong_to_the_tagged_tactics() {
        List<String> offenders = new ArrayList<>();
        for (SigmaFile f : files) {
            List<RuleMetadata> docs = new ArrayList<>();
            f.rules().stream().map(r -> r.metadata()).forEach(docs::add);
            f.correlations().forEach(c -> docs.add(c.metadata()));
            docs.removeIf(m -> m.level() == null || "informational".equals(m.level()));
            for (RuleMetadata m : docs) {
                String where = fileName(f) + " " + m.title();
                List<Tactic> tactics = new ArrayList<>();
                List<Technique> techniques = new ArrayList<>();
                for (String tag : m.tags()) {
                    String value = tag.toLowerCase(Locale.ROOT).replaceFirst("^attack\\.", "");
                    if (value.matches("t\\d{4}(\\.\\d{3})?")) {
                        String id = value.toUpperCase(Locale.ROOT);
                        var technique = CATALOG.technique(id);
                        if (technique.isEmpty()) {
                            offenders.add(where + ": " + tag + " is not an ATT&CK v19 technique");
                        } else if (!technique.get().id().equals(id)) {
                            offenders.add(where + ": " + tag + " is a retired v18 id: write attack." + technique.get().id().toLowerCase(Locale.ROOT));
                        } else {
                            techniques.add(technique.get());
                        }
                    } else if (tag.startsWith("attack.")) {
                        CATALOG.tactic(value).ifPresentOrElse(tactics::add, () -> offenders.add(where + ": " + tag + " is not a v19 tactic"));
                        if (value.equals("defense-evasion") || value.equals("defense_evasion")) {
                            offenders.add(where + ": attack.defense-evasion was split in v19: use attack.stealth or attack.defense-impairment");
                        }
                    }
                }
                if (tactics.isEmpty() || techniques.isEmpty()) {
                    offenders.add(where + ": needs at least one tactic and one technique tag");
                }
                for (Technique t : techniques) {
                    if (tactics.stream().noneMatch(tactic -> CATALOG.belongsTo(t, tactic))) {
                        offenders.add(where + ": " + t.id() + " belongs to none of the tagged tactics " + tactics.stream().map(Tactic::shortName).toList()
                                + " (it serves " + t.tacticIds() + ")");
                    }
                }
                for (Tactic tactic : tactics) {
                    if (techniques.stream().noneMatch(t -> CATALOG.belongsTo(t, tactic))) {
                        offenders.add(where + ": tactic " + tactic.shortName() + " has no tagged technique of its own");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void file_names_say_tactic_service_and_behaviour_and_the_tactic_is_tagged() {
        List<String> offenders = new ArrayList<>();
        for (SigmaFile f : files) {
            String name = fileName(f);
            var m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                offenders.add(name + ": name must be <tactic>_<service>_<behaviour>.yml in lower case");
                continue;
            }
            var tactic = CATALOG.tactic(m.group(1));
            if (tactic.isEmpty()) {
                offenders.add(name + ": '" + m.group(1) + "' is not a v19 tactic short name");
                continue;
            }
            boolean tagged = f.rules().stream().anyMatch(r -> hasTactic(r.metadata(), tactic.get()))
                    || f.correlations().stream().anyMatch(c -> hasTactic(c.metadata(), tactic.get()));
            if (!tagged) {
                offenders.add(name + ": no rule in it is tagged with tactic " + tactic.get().shortName());
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean hasTactic(RuleMetadata m, Tactic tactic) {
        return m.tags().stream().anyMatch(t -> CATALOG.tactic(t.replaceFirst("^attack\\.", "")).map(tactic::equals).orElse(false));
    }

    private static String fileName(SigmaFile f) {
        String s = f.source();
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
