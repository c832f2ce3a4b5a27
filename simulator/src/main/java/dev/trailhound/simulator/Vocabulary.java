package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The placeholder names templates may use, each with the {@link ValueSource} that fills it. Two parameterised
 * forms are created on demand while templates compile: {@code n:LOW-HIGH} (an integer) and {@code one:a|b|c}
 * (one of the options). The vocabulary is frozen before any event is written.
 */
final class Vocabulary {
    private final List<String> names = new ArrayList<>();
    private final List<ValueSource> sources = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private boolean frozen;

    int define(String name, ValueSource source) {
        if (frozen) {
            throw new IllegalStateException("vocabulary is frozen; cannot add " + name);
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("placeholder defined twice: " + name);
        }
        names.add(name);
        sources.add(source);
        byName.put(name, names.size() - 1);
        return names.size() - 1;
    }

    /** The index of a placeholder; parameterised forms are defined the first time they are seen. */
    int indexOf(String name) {
        Integer known = byName.get(name);
        if (known != null) {
            return known;
        }
        if (name.startsWith("n:")) {
            String[] range = name.substring(2).split("-");
            long low = Long.parseLong(range[0]);
            long span = Long.parseLong(range[1]) - low + 1;
            return define(name, scope -> Long.toString(low + scope.rng().nextLong(span)));
        }
        if (name.startsWith("one:")) {
            String[] options = name.substring(4).split("\\|");
            return define(name, scope -> options[scope.rng().nextInt(options.length)]);
        }
        throw new IllegalArgumentException("unknown placeholder ${" + name + "}");
    }

    boolean knows(String name) {
        return byName.containsKey(name);
    }

    ValueSource source(int index) {
        return sources.get(index);
    }

    String name(int index) {
        return names.get(index);
    }

    int size() {
        return names.size();
    }

    void freeze() {
        frozen = true;
    }

    /** Bindings from alternating names and values: {@code bind("userName", "alice", "policyArn", arn)}. */
    Bindings bind(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("bind takes name/value pairs");
        }
        int[] indexes = new int[namesAndValues.length / 2];
        String[] values = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            Integer index = byName.get(namesAndValues[2 * i]);
            if (index == null) {
                throw new IllegalArgumentException("cannot bind unknown placeholder " + namesAndValues[2 * i]);
            }
            indexes[i] = index;
            values[i] = namesAndValues[2 * i + 1];
        }
        return new Bindings(indexes, values);
    }
}
