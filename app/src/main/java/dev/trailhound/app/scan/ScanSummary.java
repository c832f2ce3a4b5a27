package dev.trailhound.app.scan;

/**
 * The figures of one scan, as written by {@code --summary-json}.
 *
 * @param files      files read
 * @param events     unique events processed
 * @param rejected   bad records plus unreadable or non-CloudTrail files
 * @param duplicates records dropped as repeats of an eventID
 * @param threats    threats found
 * @param elapsedMs  wall time of the scan, reading included
 * @param late       events beyond the disorder tolerance (processed out of order)
 * @param skipped    files left out on purpose (digests, non-JSON files in directories)
 */
public record ScanSummary(int files, long events, long rejected, long duplicates, long threats, long elapsedMs,
        long late, int skipped) {}
