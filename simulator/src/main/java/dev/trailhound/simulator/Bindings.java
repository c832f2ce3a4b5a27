package dev.trailhound.simulator;

import java.util.Arrays;

/**
 * Fixed values for some placeholders (a session's own instance id, a scenario's target user), resolved to
 * vocabulary indexes once so that lookups while writing are a short scan of an int array.
 */
final class Bindings {
    static final Bindings NONE = new Bindings(new int[0], new String[0]);

    private final int[] indexes;
    private final String[] values;

    Bindings(int[] indexes, String[] values) {
        this.indexes = indexes.clone();
        this.values = values.clone();
    }

    String find(int index) {
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] == index) {
                return values[i];
            }
        }
        return null;
    }

    boolean isEmpty() {
        return indexes.length == 0;
    }

    /** These bindings plus {@code more}; a later value wins over an earlier one for the same placeholder. */
    Bindings and(Bindings more) {
        if (more.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return more;
        }
        int[] ix = Arrays.copyOf(more.indexes, more.indexes.length + indexes.length);
        String[] vs = Arrays.copyOf(more.values, more.values.length + values.length);
        System.arraycopy(indexes, 0, ix, more.indexes.length, indexes.length);
        System.arraycopy(values, 0, vs, more.values.length, values.length);
        return new Bindings(ix, vs);
    }
}
