package dev.trailhound.core.rules.match;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one field of an event as Sigma compares it: a dotted path into the record, fanning out over arrays
 * (any element may match). Strings compare as themselves, numbers and booleans by their JSON text, objects by
 * their compact JSON text. A missing field and JSON {@code null} give no value.
 *
 * <p>Fields the reader already decoded ({@code eventName}, {@code userIdentity.arn}...) are read from the event
 * without building its JSON tree; other paths are compiled once into segments and walk the tree, which the
 * event builds at most once.
 */
public abstract sealed class FieldAccessor permits FieldAccessor.Decoded, FieldAccessor.TreePath {
    private static final Map<String, Function<Event, String>> DECODED = Map.ofEntries(
            Map.entry("eventname", Event::action),
            Map.entry("eventsource", Event::service),
            Map.entry("awsregion", Event::region),
            Map.entry("sourceipaddress", Event::sourceIp),
            Map.entry("useragent", Event::userAgent),
            Map.entry("errorcode", Event::errorCode),
            Map.entry("errormessage", Event::errorMessage),
            Map.entry("eventtype", Event::eventType),
            Map.entry("eventid", Event::eventId),
            Map.entry("readonly", e -> e.readOnly() == null ? null : e.readOnly().toString()),
            Map.entry("useridentity.type", e -> e.principal().identityType()),
            Map.entry("useridentity.arn", e -> e.principal().arn()),
            Map.entry("useridentity.accountid", e -> e.principal().accountId()),
            Map.entry("useridentity.principalid", e -> e.principal().principalId()),
            Map.entry("useridentity.accesskeyid", e -> e.principal().accessKeyId()),
            Map.entry("useridentity.invokedby", e -> e.principal().invokedBy()),
            Map.entry("useridentity.sessioncontext.sessionissuer.arn", e -> e.principal().sessionIssuerArn()));

    private final String path;

    private FieldAccessor(String path) {
        this.path = path;
    }

    /** An accessor for a dotted path; field names compare exactly, as in the record, except for decoded fields. */
    public static FieldAccessor of(String path) {
        Function<Event, String> decoded = DECODED.get(path.toLowerCase(Locale.ROOT));
        // Decoded fields are only used when spelled as CloudTrail spells them, so that a rule's misspelt field
        // behaves the same whether or not Trailhound happens to decode it.
        if (decoded != null && isCloudTrailSpelling(path)) {
            return new Decoded(path, decoded);
        }
        return new TreePath(path);
    }

    private static boolean isCloudTrailSpelling(String path) {
        return switch (path) {
            case "eventName", "eventSource", "awsRegion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage",
                    "eventType", "eventID", "readOnly", "userIdentity.type", "userIdentity.arn", "userIdentity.accountId",
                    "userIdentity.principalId", "userIdentity.accessKeyId", "userIdentity.invokedBy",
                    "userIdentity.sessionContext.sessionIssuer.arn" -> true;
            default -> false;
        };
    }

    public String path() {
        return path;
    }

    /** The tree path, or null for a decoded field (for building the selection of paths rules read). */
    public String treePath() {
        return this instanceof TreePath ? path : null;
    }

    /** True when reading the field needs no JSON tree (the reader decoded it). */
    public boolean isDecoded() {
        return this instanceof Decoded;
    }

    /** The field's values: empty when it is missing or null, usually one. */
    public abstract List<String> values(Event event);

    /** True when the path leads to something, JSON {@code null} excepted. */
    public boolean exists(Event event) {
        return !values(event).isEmpty();
    }

    /** A field the reader decoded into the event. */
    static final class Decoded extends FieldAccessor {
        private final Function<Event, String> getter;

        Decoded(String path, Function<Event, String> getter) {
            super(path);
            this.getter = getter;
        }

        @Override
        public List<String> values(Event event) {
            String v = getter.apply(event);
            return v == null ? List.of() : List.of(v);
        }
    }

    /** A path walked in the record's JSON tree. */
    static final class TreePath extends FieldAccessor {
        private final String[] segments;
        /** The last member name in quotes: a record whose text lacks it cannot have the field (CloudTrail does
         * not escape member names), so no tree is built for it. */
        private final String lastMember;

        TreePath(String path) {
            super(path);
            this.segments = path.split("\\.", -1);
            String last = segments[segments.length - 1];
            boolean ascii = last.chars().allMatch(c -> c < 128);
            this.lastMember = last.isEmpty() || !ascii ? null : '"' + last + '"';
        }

        @Override
        public List<String> values(Event event) {
            if (lastMember != null && !event.hasFields() && !event.mayHaveMember(lastMember)) {
                return List.of();
            }
            JsonNode node = event.fields();
            for (int i = 0; i < segments.length; i++) {
                if (node.isArray()) {
                    List<String> out = new ArrayList<>();
                    collect(node, i, out);
                    return out;
                }
                node = node.get(segments[i]);
                if (node == null) {
                    return List.of();
                }
            }
            if (node.isArray()) {
                List<String> out = new ArrayList<>();
                collect(node, segments.length, out);
                return out;
            }
            String text = text(node);
            return text == null ? List.of() : List.of(text);
        }

        /** Fans out over an array at segment {@code from}: each element continues the path. */
        private void collect(JsonNode node, int from, List<String> out) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    collect(element, from, out);
                }
                return;
            }
            JsonNode current = node;
            for (int i = from; i < segments.length; i++) {
                if (current.isArray()) {
                    collect(current, i, out);
                    return;
                }
                current = current.get(segments[i]);
                if (current == null) {
                    return;
                }
            }
            if (current.isArray()) {
                collect(current, segments.length, out);
                return;
            }
            String text = text(current);
            if (text != null) {
                out.add(text);
            }
        }

        private static String text(JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isValueNode()) {
                return node.asText();
            }
            return node.toString();
        }
    }
}
