package dev.trailhound.simulator;

/** One written record waiting for its delivery file: its event time (epoch second) and JSON bytes. */
record DeliveredRecord(long eventTime, byte[] json) {
}
