package dev.trailhound.rules;

import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.core.rules.SourceLocation;
import dev.trailhound.formats.sigma.SigmaFile;
import dev.trailhound.formats.sigma.SigmaParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads the user's Sigma files: given files, and directories walked recursively for {@code *.yml} and
 * {@code *.yaml} (test files, {@code *.tests.yml}, are not rules). Files that cannot be read are problems too.
 */
public final class RuleFiles {
    private RuleFiles() {
    }

    /** Every rule file under {@code paths}, in a stable order, plus problems for paths that do not exist. */
    public static List<SigmaFile> read(List<Path> paths) {
        List<SigmaFile> out = new ArrayList<>();
        SigmaParser parser = new SigmaParser();
        for (Path file : ruleFiles(paths, out)) {
            try {
                out.add(parser.parse(file.toString(), Files.readString(file)));
            } catch (CharacterCodingException e) {
                out.add(failed(file, "not UTF-8 text"));
            } catch (IOException e) {
                out.add(failed(file, "unreadable: " + e.getMessage()));
            }
        }
        return out;
    }

    /** The {@code *.tests.yml} files under {@code paths}. */
    public static List<Path> testFiles(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(RuleFiles::isTestFile).sorted().forEach(out::add);
                }
            } else if (isTestFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The rule file a test file belongs to: {@code x.tests.yml} tests {@code x.yml}. */
    public static Path ruleFileOf(Path testFile) {
        String name = testFile.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf(".tests."));
        Path yml = testFile.resolveSibling(base + ".yml");
        return Files.exists(yml) ? yml : testFile.resolveSibling(base + ".yaml");
    }

    static boolean isTestFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".tests.yml") || n.endsWith(".tests.yaml");
    }

    static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString();
        return (n.endsWith(".yml") || n.endsWith(".yaml")) && !isTestFile(p);
    }

    private static List<Path> ruleFiles(List<Path> paths, List<SigmaFile> problems) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(RuleFiles::isRuleFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    problems.add(failed(p, "cannot list the directory: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                problems.add(failed(p, "no such file or directory"));
            }
        }
        return out;
    }

    private static SigmaFile failed(Path file, String why) {
        return new SigmaFile(file.toString(), List.of(), List.of(),
                List.of(new RuleProblem(SourceLocation.ofFile(file.toString()), why)), 0);
    }
}
