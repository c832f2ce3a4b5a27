package dev.trailhound.ingest.files;

/**
 * Counts of one read.
 *
 * @param files    files read
 * @param skipped  files left out on purpose (digests, non-JSON files in directories)
 * @param events   good events delivered
 * @param rejected bad records plus unreadable or non-CloudTrail files
 */
public record ReadStatistics(int files, int skipped, long events, long rejected) {}
