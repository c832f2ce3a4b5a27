package dev.trailhound.rules;

import dev.trailhound.formats.sigma.SigmaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rule pack that ships with Trailhound: Sigma files under {@value #RESOURCE_DIR} on the class path (a
 * directory in development, a folder of the jar when installed), each beside its {@code .tests.yml}.
 */
public final class BuiltInRules {
    public static final String RESOURCE_DIR = "/dev/trailhound/rules/aws/cloudtrail";

    private BuiltInRules() {
    }

    /** Parses every built-in rule file. */
    public static List<SigmaFile> files() {
        return withDirectory(dir -> RuleFiles.read(List.of(dir)));
    }

    /** Runs {@code action} with the pack's directory as a path, whether it lives on disk or in the jar. */
    public static <T> T withDirectory(java.util.function.Function<Path, T> action) {
        URL url = BuiltInRules.class.getResource(RESOURCE_DIR);
        if (url == null) {
            throw new IllegalStateException("the built-in rule pack " + RESOURCE_DIR + " is missing from the class path");
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return action.apply(Path.of(uri));
            }
            FileSystem fs;
            boolean opened = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                return action.apply(fs.getPath(RESOURCE_DIR));
            } finally {
                if (opened) {
                    fs.close();
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the built-in rule pack: " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rule pack", e);
        }
    }

    /** How many rule files the pack has (for a quick sanity line in logs). */
    public static long count() {
        return withDirectory(dir -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(RuleFiles::isRuleFile).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
