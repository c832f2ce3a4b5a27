package dev.trailhound.ingest.files;

import dev.trailhound.core.event.Rejection;
import java.util.List;

/**
 * The files a run will read, in reading order, and what could not even be listed.
 *
 * @param files     documents and JSON Lines files, sorted by key
 * @param skipped   files left out on purpose (CloudTrail digests, files that are not JSON)
 * @param problems  paths that could not be listed or do not exist
 */
public record InputPlan(List<InputFile> files, int skipped, List<Rejection> problems) {
    public InputPlan {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
