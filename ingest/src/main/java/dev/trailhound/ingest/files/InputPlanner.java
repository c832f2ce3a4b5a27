package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Rejection;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the paths a user names into the files to read, in time order.
 *
 * <p>Directories are walked recursively, so the S3 layout {@code AWSLogs/<account>/CloudTrail/<region>/
 * YYYY/MM/DD/} and organization trails {@code AWSLogs/o-xxxxxxxxxx/<account>/...} are both found. Digest files
 * ({@code CloudTrail-Digest}) are skipped, as are files in a directory that are not JSON. A file named
 * explicitly is always read.
 */
public final class InputPlanner {
    /** {@code <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz}: the time is the delivery time. */
    private static final Pattern CLOUDTRAIL_OBJECT = Pattern.compile("_CloudTrail_[^_]+_(\\d{8}T\\d{4}Z)_");
    private static final DateTimeFormatter OBJECT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT);

    public InputPlan plan(List<Path> paths) {
        List<InputFile> files = new ArrayList<>();
        List<Rejection> problems = new ArrayList<>();
        int[] skipped = {0};
        List<Path> found = find(paths, problems, skipped);
        // peeking at each file's head is I/O and inflation: done on all cores
        files.addAll(found.parallelStream().map(this::describe).toList());
        files.sort(Comparator.comparingLong(InputFile::key).thenComparing(f -> f.path().toString()));
        return new InputPlan(files, skipped[0], problems);
    }

    /**
     * The files {@link #plan} would read, in no particular order and without opening them (paths that cannot
     * be listed are left out): for tools that only need the list, such as the parse-limit benchmark.
     */
    public List<Path> dataFiles(List<Path> paths) {
        return find(paths, new ArrayList<>(), new int[1]);
    }

    private List<Path> find(List<Path> paths, List<Rejection> problems, int[] skipped) {
        List<Path> found = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, found, problems, skipped);
            } else if (Files.exists(path)) {
                found.add(path);
            } else {
                problems.add(new Rejection(path.toString(), "file", "no such file or directory"));
            }
        }
        return found;
    }

    private void walk(Path root, List<Path> files, List<Rejection> problems, int[] skipped) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.startsWith(".") || name.equals("CloudTrail-Digest"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isCloudTrailData(file.getFileName().toString())) {
                        files.add(file);
                    } else {
                        skipped[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Rejection(file.toString(), "file", "cannot be listed: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new Rejection(root.toString(), "file", "cannot be listed: " + e.getMessage()));
        }
    }

    static boolean isCloudTrailData(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.contains("cloudtrail-digest")) {
            return false;
        }
        return name.endsWith(".json") || name.endsWith(".json.gz") || name.endsWith(".jsonl")
                || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson") || name.endsWith(".ndjson.gz");
    }

    InputFile describe(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean jsonLines = lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson")
                || lower.endsWith(".ndjson.gz");
        return new InputFile(file, jsonLines, keyOf(file, name));
    }

    /**
     * The earliest eventTime at the head of the file: what the merge needs to open the file in time. Object names carry only
     * the delivery time, after every event in the file (and exporters write files spanning days), so the name
     * is the fallback when the head of the file has no readable eventTime.
     */
    private static long keyOf(Path file, String name) {
        long first = FileHead.earliestEventTime(file);
        if (first != Long.MIN_VALUE) {
            return first;
        }
        Matcher m = CLOUDTRAIL_OBJECT.matcher(name);
        if (m.find()) {
            return LocalDateTime.parse(m.group(1), OBJECT_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return Long.MIN_VALUE;
    }
}
