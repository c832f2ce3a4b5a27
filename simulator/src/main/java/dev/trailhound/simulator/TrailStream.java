package dev.trailhound.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The trail of one account in one region: each day it gathers the calls that land here (habits, openings and
 * scenario calls), writes them as records in event-time order, and delivers them into five-minute files with
 * CloudTrail's delays and occasional duplicates. One stream is used by one thread at a time; its random source
 * is its own, so the output does not depend on scheduling.
 */
final class TrailStream {
    private final World world;
    private final Account account;
    private final int region;
    private final long seed;
    private final SplittableRandom rng;
    private final EventScope scope;
    private final RecordWriter writer = new RecordWriter();
    private final JsonBytes buffer = new JsonBytes(16 * 1024);
    private final TreeMap<Long, List<DeliveredRecord>> pending = new TreeMap<>();
    private final TrailFiles files;
    private final long windowSeconds;
    private long events;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    TrailStream(World world, Account account, int region, long seed, TrailLayout layout, int deliveryMinutes, boolean digests) {
        this.windowSeconds = deliveryMinutes * 60L;
        this.world = world;
        this.account = account;
        this.region = region;
        this.seed = seed;
        this.rng = new SplittableRandom(SplitMix.derive(seed, SplitMix.hash("stream/" + account.id() + "/" + region)));
        this.scope = new EventScope(rng, world.organization(), world.vocabulary());
        this.files = new TrailFiles(layout, account.id(), world.organization().region(region), rng, digests);
    }

    /** Writes one day: the plan's calls that land in this account and region, plus the scenario calls given. */
    void day(DayPlan plan, List<Call> scenarioCalls) throws IOException {
        List<Call> calls = new ArrayList<>(scenarioCalls);
        for (PlannedVisit pv : plan.visits()) {
            for (Placed opening : pv.openings()) {
                if (opening.account() == account && opening.call().loggedRegion() == region) {
                    calls.add(opening.call());
                }
            }
            if (pv.visit().account() == account) {
                pv.actor().calls(pv.visit(), pv.caller(), region, seed, calls);
            }
        }
        calls.sort(Comparator.comparingLong(Call::time));
        for (Call call : calls) {
            write(call);
            flushBefore(call.time() + Delivery.MIN_DELAY);
        }
    }

    void finish() throws IOException {
        flushBefore(Long.MAX_VALUE);
        files.finish();
    }

    StreamTotals totals() {
        return new StreamTotals(events, files.count(), first, last);
    }

    private void write(Call call) {
        String eventId = call.eventId() != null ? call.eventId() : IdMint.uuid(rng);
        Caller caller = call.caller();
        scope.begin(account, call.loggedRegion(), call.time(), caller.credential(), eventId, IdMint.uuid(rng),
                caller.bindings(), call.bindings());
        record(call);
        Api companion = world.apis().companionOf(call.api());
        if (companion != null && call.failure() == null && rng.nextDouble() < call.api().companionProbability()) {
            Caller service = caller.viaService(call.api().eventSource());
            long time = call.time() + (rng.nextInt(3) == 0 ? 1 : 0);
            scope.continueWith(service.credential(), IdMint.uuid(rng), IdMint.uuid(rng), time);
            record(new Call(companion, service, time, call.region(), null, call.bindings()));
        }
    }

    private void record(Call call) {
        buffer.reset();
        writer.write(buffer, scope, call, account);
        DeliveredRecord record = new DeliveredRecord(call.time(), buffer.toByteArray());
        long window = Delivery.window(call.time() + Delivery.delaySeconds(rng), windowSeconds);
        pending.computeIfAbsent(window, w -> new ArrayList<>()).add(record);
        if (Delivery.duplicate(rng)) {
            pending.computeIfAbsent(window + 1 + rng.nextInt(3), w -> new ArrayList<>()).add(record);
        }
        events++;
        first = Math.min(first, call.time());
        last = Math.max(last, call.time());
    }

    /** Writes every window that no record with time {@code >= time - MIN_DELAY} can still join. */
    private void flushBefore(long deliveredNoEarlierThan) throws IOException {
        long open = deliveredNoEarlierThan == Long.MAX_VALUE ? Long.MAX_VALUE : Delivery.window(deliveredNoEarlierThan, windowSeconds);
        while (!pending.isEmpty() && pending.firstKey() < open) {
            Map.Entry<Long, List<DeliveredRecord>> window = pending.pollFirstEntry();
            files.write(window.getKey() * windowSeconds + windowSeconds, window.getValue());
        }
    }
}
