package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A directory source: each poll finds the data files under its roots (the S3 layout, organization trails included)
 * that were not read before, reads them in event-time order as {@code scan} does (k-way merge), and only then
 * records them as read. A crash before that re-reads them; the events table's key makes the repeat harmless.
 *
 * <p>A file modified within the last {@code settle} milliseconds is left for the next poll, in case it is still
 * being written.
 */
public final class DirectoryPoller {
    private final List<Path> roots;
    private final ReadLimits limits;
    private final Predicate<FileStamp> alreadyRead;
    private final Consumer<List<FileStamp>> markRead;
    private final long settleMillis;
    private final int maxFilesPerPoll;

    /** What one poll did. */
    public record Poll(int files, long events, long rejected, List<Rejection> firstRejections) {}

    public DirectoryPoller(List<Path> roots, ReadLimits limits, Predicate<FileStamp> alreadyRead,
                           Consumer<List<FileStamp>> markRead, long settleMillis, int maxFilesPerPoll) {
        this.roots = List.copyOf(roots);
        this.limits = limits;
        this.alreadyRead = alreadyRead;
        this.markRead = markRead;
        this.settleMillis = settleMillis;
        this.maxFilesPerPoll = maxFilesPerPoll;
    }

    /**
     * Reads the new files into {@code sink} (events, then rejections as they come) and records them as read. A backlog
     * larger than one poll's share is taken earliest first, by the same key the merge orders files by, so that polls
     * follow one another in event time as one long read would.
     */
    public Poll poll(RecordSink sink, long nowMillis) {
        InputPlanner planner = new InputPlanner();
        Map<Path, FileStamp> fresh = new HashMap<>();
        for (Path file : planner.dataFiles(roots.stream().filter(Files::isDirectory).toList())) {
            FileStamp stamp = stamp(file);
            if (stamp != null && !alreadyRead.test(stamp) && nowMillis - stamp.modifiedMillis() >= settleMillis) {
                fresh.put(file, stamp);
            }
        }
        if (fresh.isEmpty()) {
            return new Poll(0, 0, 0, List.of());
        }
        InputPlan all = planner.plan(List.copyOf(fresh.keySet()));
        List<InputFile> share = all.files().subList(0, Math.min(maxFilesPerPoll, all.files().size()));
        List<Rejection> first = new ArrayList<>();
        long[] rejected = {0};
        ReadStatistics read;
        try (OrderedFileReader reader = new OrderedFileReader(limits, 1)) {
            read = reader.read(new InputPlan(share, 0, all.problems()), new RecordSink() {
                @Override
                public void accept(Event event) {
                    sink.accept(event);
                }

                @Override
                public void reject(Rejection rejection) {
                    rejected[0]++;
                    if (first.size() < 10) {
                        first.add(rejection);
                    }
                    sink.reject(rejection);
                }
            });
        }
        markRead.accept(share.stream().map(f -> fresh.get(f.path())).toList());
        return new Poll(share.size(), read.events(), rejected[0], first);
    }

    private static FileStamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(file.toAbsolutePath().normalize().toString(), a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;   // gone or unreadable since it was listed: the next poll sees it again if it comes back
        }
    }
}
