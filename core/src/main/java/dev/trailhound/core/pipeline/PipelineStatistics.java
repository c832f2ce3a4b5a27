package dev.trailhound.core.pipeline;

/**
 * @param events       unique events processed
 * @param duplicates   records dropped as repeats of an eventID already processed
 * @param late         events that arrived beyond the disorder tolerance (processed out of order)
 * @param serviceEvents events by AWS services (never part of an attacker session)
 * @param detections   detections found
 * @param threats      threats closed or still open
 */
public record PipelineStatistics(long events, long duplicates, long late, long serviceEvents, long detections, long threats) {}
