package dev.trailhound.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A compiled path into a JSON tree, written {@code requestParameters.instancesSet.items[].instanceId}.
 *
 * <p>Steps are separated by dots. {@code name[]} steps into every element of the array {@code name}; a
 * single value where an array was expected counts as one element, since CloudTrail writes a one-item
 * list of some EC2 calls as a bare object. {@code *} steps into every field of an object. A path yields
 * the text of every string or number it reaches; objects, arrays, booleans, nulls and blank strings yield
 * nothing.
 */
final class FieldPath {
    private final String text;
    private final Step[] steps;

    private FieldPath(String text, Step[] steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Compiles a path.
     *
     * @throws IllegalArgumentException saying what is wrong with the path
     */
    static FieldPath parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        String[] parts = text.split("\\.", -1);
        Step[] steps = new Step[parts.length];
        for (int i = 0; i < parts.length; i++) {
            steps[i] = Step.parse(parts[i], text);
        }
        return new FieldPath(text, steps);
    }

    /** Passes every value the path reaches in {@code root} to {@code sink}, in document order. */
    void forEachValue(JsonNode root, Consumer<String> sink) {
        walk(root, 0, sink);
    }

    /** Every value the path reaches in {@code root}, in document order. */
    List<String> values(JsonNode root) {
        List<String> values = new ArrayList<>();
        walk(root, 0, values::add);
        return values;
    }

    private void walk(JsonNode node, int depth, Consumer<String> sink) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (depth == steps.length) {
            emit(node, sink);
            return;
        }
        Step step = steps[depth];
        if (!node.isObject()) {
            return;
        }
        if (step.anyField()) {
            for (JsonNode child : node) {
                enter(child, step, depth, sink);
            }
        } else {
            enter(node.get(step.field()), step, depth, sink);
        }
    }

    private void enter(JsonNode child, Step step, int depth, Consumer<String> sink) {
        if (step.eachElement() && child != null && child.isArray()) {
            for (JsonNode element : child) {
                walk(element, depth + 1, sink);
            }
        } else {
            walk(child, depth + 1, sink);
        }
    }

    private static void emit(JsonNode node, Consumer<String> sink) {
        if (node.isTextual()) {
            String value = node.textValue();
            if (!value.isBlank()) {
                sink.accept(value);
            }
        } else if (node.isNumber()) {
            sink.accept(node.asText());
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** One step: a field name or {@code *}, optionally into every element of an array. */
    private record Step(String field, boolean anyField, boolean eachElement) {
        static Step parse(String part, String path) {
            boolean each = part.endsWith("[]");
            String field = each ? part.substring(0, part.length() - 2) : part;
            if (field.isEmpty()) {
                throw new IllegalArgumentException("empty step in path '" + path + "'");
            }
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '[' || c == ']' || c == '+' || Character.isWhitespace(c)) {
                    throw new IllegalArgumentException("unexpected '" + c + "' in path '" + path + "'");
                }
            }
            boolean any = field.equals("*");
            return new Step(any ? null : field, any, each);
        }
    }
}
