package dev.trailhound.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Habit profiles loaded from {@code habits.tsv} (profile, API key, weight, options), e.g. what a console
 * administrator or a Terraform plan typically calls. A line {@code profile include other} pulls in another
 * profile (one level deep); a line {@code profile defaults options} sets failure options for the lines after
 * it. Each principal gets its own {@link HabitSet} drawn from a profile: it keeps most entries, drops some,
 * and jitters weights, so two principals with the same job still differ.
 */
final class HabitBook {
    private static final String RESOURCE = "habits.tsv";
    private final Map<String, List<HabitEntry>> profiles = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final ApiCatalogue catalogue;

    private HabitBook(ApiCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    static HabitBook load(ApiCatalogue catalogue) {
        HabitBook book = new HabitBook(catalogue);
        Map<String, List<String>> includes = new LinkedHashMap<>();
        try (InputStream in = HabitBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    book.parse(line, includes);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        includes.forEach((profile, others) -> {
            for (String other : others) {
                List<HabitEntry> source = book.profiles.get(other);
                if (source == null) {
                    throw new IllegalStateException(RESOURCE + ": " + profile + " includes unknown " + other);
                }
                book.profiles.computeIfAbsent(profile, p -> new ArrayList<>()).addAll(source);
            }
        });
        return book;
    }

    ApiCatalogue catalogue() {
        return catalogue;
    }

    List<HabitEntry> profile(String name) {
        List<HabitEntry> entries = profiles.get(name);
        if (entries == null) {
            throw new IllegalArgumentException("no habit profile " + name);
        }
        return entries;
    }

    /** The whole profile, unchanged: for machines, which all run the same code. */
    HabitSet exactly(String profile, double[] regionWeights) {
        return new HabitSet(profile(profile), regionWeights, catalogue);
    }

    /** A personal variant of a profile: keeps each entry with probability {@code keep}, jitters weights. */
    HabitSet personal(String profile, double[] regionWeights, double keep, SplittableRandom rng) {
        List<HabitEntry> kept = new ArrayList<>();
        for (HabitEntry entry : profile(profile)) {
            if (rng.nextDouble() < keep) {
                kept.add(jittered(entry, rng));
            }
        }
        if (kept.isEmpty()) {
            kept.add(profile(profile).get(0));
        }
        return new HabitSet(kept, regionWeights, catalogue);
    }

    /**
     * A small job's or a person's few habits: {@code count} different entries of a profile, drawn in proportion
     * to their weights (so mostly the profile's common calls), with jittered weights.
     */
    HabitSet few(String profile, double[] regionWeights, int count, SplittableRandom rng) {
        List<HabitEntry> left = new ArrayList<>(profile(profile));
        List<HabitEntry> kept = new ArrayList<>();
        while (kept.size() < count && !left.isEmpty()) {
            double total = 0;
            for (HabitEntry entry : left) {
                total += entry.weight();
            }
            double u = rng.nextDouble() * total;
            int i = 0;
            while (i < left.size() - 1 && u >= left.get(i).weight()) {
                u -= left.get(i).weight();
                i++;
            }
            kept.add(jittered(left.remove(i), rng));
        }
        return new HabitSet(kept, regionWeights, catalogue);
    }

    private static HabitEntry jittered(HabitEntry entry, SplittableRandom rng) {
        return new HabitEntry(entry.api(), entry.weight() * (0.4 + 1.2 * rng.nextDouble()), entry.minRepeat(),
                entry.maxRepeat(), entry.denied(), entry.throttled(), entry.missing());
    }

    private void parse(String line, Map<String, List<String>> includes) {
        String[] cells = line.split("\t");
        if (cells.length < 3) {
            throw new IllegalArgumentException("expected profile, API key and weight");
        }
        String profile = cells[0].trim();
        if (cells[1].trim().equals("include")) {
            includes.computeIfAbsent(profile, p -> new ArrayList<>()).add(cells[2].trim());
            return;
        }
        if (cells[1].trim().equals("defaults")) {
            defaults.put(profile, cells[2].trim());
            return;
        }
        Api api = catalogue.api(cells[1].trim());
        double weight = Double.parseDouble(cells[2].trim());
        int minRepeat = 1;
        int maxRepeat = 1;
        double denied = 0;
        double throttled = 0;
        double missing = 0;
        List<String> options = new ArrayList<>();
        options.add(defaults.getOrDefault(profile, ""));
        for (int i = 3; i < cells.length; i++) {
            options.add(cells[i]);
        }
        for (String cell : options) {
            for (String option : cell.trim().split("\\s+")) {
                if (option.isEmpty()) {
                    continue;
                }
                String[] kv = option.split("=", 2);
                switch (kv[0]) {
                    case "x" -> {
                        String[] range = kv[1].split("-");
                        minRepeat = Integer.parseInt(range[0]);
                        maxRepeat = Integer.parseInt(range[range.length - 1]);
                    }
                    case "deny" -> denied = Double.parseDouble(kv[1]);
                    case "throttle" -> throttled = Double.parseDouble(kv[1]);
                    case "miss" -> {
                        missing = Double.parseDouble(kv[1]);
                        if (api.missingCode() == null) {
                            throw new IllegalArgumentException(api.key() + " has no 'missing' error to use");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + kv[0]);
                }
            }
        }
        profiles.computeIfAbsent(profile, p -> new ArrayList<>())
                .add(new HabitEntry(api, weight, minRepeat, maxRepeat, denied, throttled, missing));
    }
}
