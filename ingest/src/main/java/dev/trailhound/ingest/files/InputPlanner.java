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
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the paths a user names into the files to read, in time order.
 *
 * <p>Directories are walked recursively, so the S3 layout {@code AWSLogs/<account>/CloudTrail/<region>/
 * YYYY/MM/DD/} and organization trails {@code AWSLogs/o-xxxxxxxxxx/<account>/...} are both found. Digest files
 * ({@code CloudTrail-Digest}) are not read as data, nor are files in a directory that are not JSON; a file named
 * explicitly is always read.
 *
 * <p>Each file is keyed by its earliest event time: as the CloudTrail digests found under the paths state it
 * ({@link DigestIndex}), else from the head of the file ({@link FileHead}).
 */
public final class InputPlanner {
    /** {@code <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz}: the time is the delivery time. */
    private static final Pattern CLOUDTRAIL_OBJECT = Pattern.compile("_CloudTrail_[^_]+_(\\d{8}T\\d{4}Z)_");
    private static final DateTimeFormatter OBJECT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT);

    public InputPlan plan(List<Path> paths) {
        List<InputFile> files = new ArrayList<>();
        List<Rejection> problems = new ArrayList<>();
        int[] skipped = {0};
        List<Path> digests = new ArrayList<>();
        List<Path> found = find(paths, problems, skipped, digests);
        DigestIndex index = new DigestIndex();
        inParallel(digests.size(), DigestIndex.Reader::new, (reader, i) -> index.read(digests.get(i), reader));
        InputFile[] described = new InputFile[found.size()];
        inParallel(described.length, FileHead::new, (head, i) -> described[i] = describe(found.get(i), index, head));
        files.addAll(Arrays.asList(described));
        files.sort(Comparator.comparingLong(InputFile::key).thenComparing(f -> f.path().toString()));
        return new InputPlan(files, skipped[0], problems);
    }

    /**
     * The files {@link #plan} would read, in no particular order and without opening them (paths that cannot
     * be listed are left out): for tools that only need the list, such as the parse-limit benchmark.
     */
    public List<Path> dataFiles(List<Path> paths) {
        return find(paths, new ArrayList<>(), new int[1], null);
    }

    /** Data files under the paths; CloudTrail digests go to {@code digests}, or are not even listed when it is null. */
    private List<Path> find(List<Path> paths, List<Rejection> problems, int[] skipped, List<Path> digests) {
        List<Path> found = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, found, problems, skipped, digests);
            } else if (Files.exists(path)) {
                found.add(path);
            } else {
                problems.add(new Rejection(path.toString(), "file", "no such file or directory"));
            }
        }
        return found;
    }

    private void walk(Path root, List<Path> files, List<Rejection> problems, int[] skipped, List<Path> digests) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                /** Depth inside CloudTrail-Digest directories: their digests are collected, nothing there is data. */
                private int inDigests;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && name.startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (inDigests > 0 || !dir.equals(root) && name.equals("CloudTrail-Digest")) {
                        if (digests == null) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        inDigests++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (inDigests > 0) {
                        inDigests--;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (inDigests > 0) {
                        if (attrs.isRegularFile() && isDigest(name)) {
                            digests.add(file);
                        }
                    } else if (attrs.isRegularFile() && isCloudTrailData(name)) {
                        files.add(file);
                    } else {
                        skipped[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (inDigests == 0) {
                        problems.add(new Rejection(file.toString(), "file", "cannot be listed: " + e.getMessage()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new Rejection(root.toString(), "file", "cannot be listed: " + e.getMessage()));
        }
    }

    private static boolean isDigest(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.contains("_cloudtrail-digest_") && (name.endsWith(".json.gz") || name.endsWith(".json"));
    }

    static boolean isCloudTrailData(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.contains("cloudtrail-digest")) {
            return false;
        }
        return name.endsWith(".json") || name.endsWith(".json.gz") || name.endsWith(".jsonl")
                || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson") || name.endsWith(".ndjson.gz");
    }

    /**
     * Runs {@code work} for 0..count-1 on all cores, each thread with its own state (a {@link FileHead}, a
     * digest reader): threads take the next index from a shared counter. Peeking at heads and reading digests is
     * I/O and inflation; this keeps it parallel with little code for the JIT and nothing allocated per file.
     */
    private static <S> void inParallel(int count, Supplier<S> state, ObjIntConsumer<S> work) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            S own = state.get();
            int i;
            while ((i = next.getAndIncrement()) < count) {
                work.accept(own, i);
            }
        };
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), 1 + count / 256);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("planner-", 0).factory())) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(worker));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("planning failed", e.getCause());
        }
    }

    static InputFile describe(Path file, DigestIndex digests, FileHead head) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean jsonLines = lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson")
                || lower.endsWith(".ndjson.gz");
        long listed = digests.oldestEventTime(name);
        return new InputFile(file, jsonLines, listed != Long.MIN_VALUE ? listed : keyOf(file, name, head));
    }

    /**
     * The earliest eventTime at the head of the file: what the merge needs to open the file in time. Object names carry only
     * the delivery time, after every event in the file (and exporters write files spanning days), so the name
     * is the fallback when the head of the file has no readable eventTime.
     */
    private static long keyOf(Path file, String name, FileHead head) {
        long first = head.earliestEventTime(file);
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
