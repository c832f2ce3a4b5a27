package dev.trailhound.store.ingest;

import dev.trailhound.store.Database;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The directory sources' checkpoint: which files were read, at which size and modification time. Loaded into memory
 * once (a poll asks about every file under the roots), written through on every change.
 */
public final class JdbcIngestedFiles {
    private final Jdbi jdbi;
    private final Map<String, long[]> read = new ConcurrentHashMap<>();

    public JdbcIngestedFiles(Database database) {
        this.jdbi = database.jdbi();
        jdbi.useHandle(h -> h.createQuery("select path, size_bytes, modified_ms from ingested_files")
                .map((rs, ctx) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .forEach(e -> read.put(e.getKey(), e.getValue())));
    }

    /** Whether the file was read at this size and modification time. */
    public boolean wasRead(String path, long size, long modifiedMillis) {
        long[] seen = read.get(path);
        return seen != null && seen[0] == size && seen[1] == modifiedMillis;
    }

    /** Records files as read (path, size, modification time each). */
    public void markRead(List<String> paths, List<long[]> sizeAndModified, long nowMillis) {
        jdbi.useTransaction(h -> {
            PreparedBatch delete = h.prepareBatch("delete from ingested_files where path = ?");
            PreparedBatch insert = h.prepareBatch("insert into ingested_files (path, size_bytes, modified_ms, read_at_ms) values (?, ?, ?, ?)");
            for (int i = 0; i < paths.size(); i++) {
                delete.bind(0, paths.get(i)).add();
                insert.bind(0, paths.get(i)).bind(1, sizeAndModified.get(i)[0]).bind(2, sizeAndModified.get(i)[1]).bind(3, nowMillis).add();
            }
            delete.execute();
            insert.execute();
        });
        for (int i = 0; i < paths.size(); i++) {
            read.put(paths.get(i), sizeAndModified.get(i).clone());
        }
    }

    public int count() {
        return read.size();
    }
}
