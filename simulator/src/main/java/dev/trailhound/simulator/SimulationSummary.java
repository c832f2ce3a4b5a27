package dev.trailhound.simulator;

import java.time.Instant;

/**
 * What a simulation wrote.
 *
 * @param events    records written (re-deliveries of the same record not counted)
 * @param files     delivery files written (digest files not counted)
 * @param scenarios labelled scenarios (attacks and benign look-alikes)
 */
public record SimulationSummary(long events, long files, int accounts, Instant firstEventTime, Instant lastEventTime,
        int scenarios, int attacks) {
}
