package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A person's working day (or a pipeline that runs when people push): a Poisson number of visits between two
 * UTC hours on weekdays, fewer at weekends, each lasting a few minutes to a few hours.
 *
 * @param picksPerHour habit picks per hour of visit
 */
record OfficeHours(double visitsPerWorkday, double weekendFactor, int firstHourUtc, int lastHourUtc, int minMinutes,
        int maxMinutes, double picksPerHour) implements Routine {

    @Override
    public List<Visit> visits(long dayStart, int dayOfWeek, SplittableRandom rng) {
        double mean = visitsPerWorkday * (Routine.weekend(dayOfWeek) ? weekendFactor : 1);
        int count = PoissonSampler.sample(mean, rng);
        List<Visit> visits = new ArrayList<>(count);
        long windowStart = dayStart + firstHourUtc * 3600L;
        long window = Math.max(3600, (lastHourUtc - firstHourUtc) * 3600L);
        for (int i = 0; i < count; i++) {
            long start = windowStart + rng.nextLong(window);
            long minutes = minMinutes + rng.nextInt(Math.max(1, maxMinutes - minMinutes + 1));
            long end = start + Math.max(60, minutes * 60);
            visits.add(new Visit(i, start, end, picksPerHour * (end - start) / 3600.0, null, false));
        }
        visits.sort((a, b) -> Long.compare(a.start(), b.start()));
        return renumber(visits);
    }

    static List<Visit> renumber(List<Visit> visits) {
        List<Visit> numbered = new ArrayList<>(visits.size());
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            numbered.add(new Visit(i, v.start(), v.end(), v.picks(), v.account(), v.console()));
        }
        return numbered;
    }
}
