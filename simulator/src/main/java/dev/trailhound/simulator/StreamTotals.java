package dev.trailhound.simulator;

/** What one stream wrote: records (duplicates not counted), log files, and its first and last event times. */
record StreamTotals(long events, long files, long firstEventTime, long lastEventTime) {
}
