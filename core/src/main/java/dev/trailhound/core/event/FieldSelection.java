package dev.trailhound.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The dotted paths into a record that some consumer reads (the rules an event may match), as a tree of member
 * names. {@link #extract} builds a partial JSON tree holding just those paths from the record's bytes in one
 * streaming pass, skipping everything else: far cheaper than a whole tree for a record of which a rule reads
 * two fields. A path's end keeps its whole value (an object compared as text, an array fanned out); arrays on the
 * way keep every element, each cut to the rest of the path.
 */
public final class FieldSelection {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, FieldSelection> members = new HashMap<>();
    private boolean whole;

    private FieldSelection() {
    }

    /** A selection of the given dotted paths ({@code requestParameters.bucketName}). */
    public static FieldSelection of(Collection<String> paths) {
        FieldSelection root = new FieldSelection();
        for (String path : paths) {
            FieldSelection node = root;
            for (String segment : path.split("\\.", -1)) {
                node = node.members.computeIfAbsent(segment, s -> new FieldSelection());
            }
            node.whole = true;
        }
        return root;
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** The partial tree of {@code json}: an object holding the selected paths that the record has. */
    ObjectNode extract(byte[] json, JsonFactory factory, ObjectReader wholeValues) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NODES.objectNode();
            }
            return object(p, wholeValues);
        }
    }

    /** Reads the object whose START_OBJECT is the current token, keeping the selected members. */
    private ObjectNode object(JsonParser p, ObjectReader wholeValues) throws IOException {
        ObjectNode out = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            FieldSelection next = members.get(name);
            if (next == null) {
                p.skipChildren();
            } else if (next.whole) {
                out.set(name, wholeValues.readTree(p));
            } else {
                JsonNode kept = next.value(p, value, wholeValues);
                if (kept != null) {
                    out.set(name, kept);
                }
            }
        }
        return out;
    }

    /** The value at the current token cut to this selection; scalars on the way are dropped (the path goes on). */
    private JsonNode value(JsonParser p, JsonToken token, ObjectReader wholeValues) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            return object(p, wholeValues);
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode out = NODES.arrayNode();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonNode element = value(p, t, wholeValues);
                if (element != null) {
                    out.add(element);
                }
            }
            return out;
        }
        return null;
    }
}
