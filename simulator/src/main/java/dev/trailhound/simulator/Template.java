package dev.trailhound.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON fragment with placeholders, compiled once: {@code ${name}} inserts the value escaped for use inside a
 * JSON string, {@code $!{name}} inserts it verbatim (numbers, booleans, pre-built JSON).
 */
final class Template {
    private final String source;
    private final byte[][] literals;
    private final int[] slots;
    private final boolean[] verbatim;

    private Template(String source, byte[][] literals, int[] slots, boolean[] verbatim) {
        this.source = source;
        this.literals = literals;
        this.slots = slots;
        this.verbatim = verbatim;
    }

    static Template compile(String text, Vocabulary vocabulary) {
        List<byte[]> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<Boolean> verbatim = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = text.indexOf("${", at);
            int openRaw = text.indexOf("$!{", at);
            boolean raw = openRaw >= 0 && (open < 0 || openRaw < open);
            int start = raw ? openRaw : open;
            if (start < 0) {
                literals.add(text.substring(at).getBytes(StandardCharsets.UTF_8));
                break;
            }
            int nameStart = start + (raw ? 3 : 2);
            int close = text.indexOf('}', nameStart);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder at offset " + start + " in " + text);
            }
            literals.add(text.substring(at, start).getBytes(StandardCharsets.UTF_8));
            slots.add(vocabulary.indexOf(text.substring(nameStart, close)));
            verbatim.add(raw);
            at = close + 1;
        }
        boolean[] flags = new boolean[verbatim.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = verbatim.get(i);
        }
        return new Template(text, literals.toArray(new byte[0][]),
                slots.stream().mapToInt(Integer::intValue).toArray(), flags);
    }

    void render(JsonBytes out, EventScope scope) {
        out.raw(literals[0]);
        for (int i = 0; i < slots.length; i++) {
            String value = scope.value(slots[i]);
            if (verbatim[i]) {
                out.ascii(value);
            } else {
                out.escaped(value);
            }
            out.raw(literals[i + 1]);
        }
    }

    /** Renders as plain text (for error messages), values unescaped. */
    String text(EventScope scope) {
        StringBuilder sb = new StringBuilder(new String(literals[0], StandardCharsets.UTF_8));
        for (int i = 0; i < slots.length; i++) {
            sb.append(scope.value(slots[i])).append(new String(literals[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    boolean isNullLiteral() {
        return slots.length == 0 && "null".equals(source);
    }

    @Override
    public String toString() {
        return source;
    }
}
