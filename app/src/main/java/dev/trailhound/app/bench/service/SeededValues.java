package dev.trailhound.app.bench.service;

import dev.trailhound.store.Database;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Filter values the seeded database holds, for the requests to choose from (so that most filters find threats). */
record SeededValues(List<String> tactics, List<String> techniques, List<String> accounts, List<String> users,
                    List<String> assetTypes, List<String> threats, List<String> largeThreats, long threatCount, long eventCount) {

    static SeededValues of(Database database) {
        return database.jdbi().withHandle(h -> new SeededValues(
                h.createQuery("select distinct tactic_ids from threats").mapTo(String.class).stream()
                        .flatMap(ids -> Arrays.stream(ids.split(","))).filter(id -> !id.isEmpty()).distinct().sorted().toList(),
                h.createQuery("select distinct technique_ids from threats").mapTo(String.class).stream()
                        .flatMap(ids -> Arrays.stream(ids.split(","))).filter(id -> !id.isEmpty()).distinct().sorted().toList(),
                h.createQuery("select account_id from accounts order by account_id").mapTo(String.class).list(),
                h.createQuery("select distinct user_name from threats where user_name is not null order by user_name limit 2000")
                        .mapTo(String.class).list(),
                h.createQuery("select distinct asset_type from threats where asset_type is not null order by asset_type")
                        .mapTo(String.class).list(),
                h.createQuery("select threat_id from threats where event_count < 1000 order by threat_id limit 5000")
                        .mapTo(String.class).list(),
                h.createQuery("select threat_id from threats where event_count >= 1000 order by threat_id")
                        .mapTo(String.class).list(),
                h.createQuery("select count(*) from threats").mapTo(Long.class).one(),
                h.createQuery("select count(*) from threat_events").mapTo(Long.class).one()));
    }

    static String any(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
