package dev.trailhound.core.threat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Detection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Writes threats as JSON Lines in the {@code scan} output contract (one threat per line). The service stores
 * and serves the same document, so {@code scan} and the API agree field for field.
 */
public final class ThreatJsonWriter {
    private static final AttackCatalog ATTACK = AttackCatalog.v19();
    private final JsonFactory factory = new JsonFactory();
    private final Writer out;
    private final Function<String, String> accountNames;

    /** @param accountNames account id to its name, or null when the account has none */
    public ThreatJsonWriter(Writer out, Function<String, String> accountNames) {
        this.out = out;
        this.accountNames = accountNames;
    }

    /** One threat's document, without a trailing newline. */
    public static String document(Threat t, Function<String, String> accountNames) {
        StringWriter text = new StringWriter(2048);
        try {
            new ThreatJsonWriter(text, accountNames).write(t);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        text.getBuffer().setLength(text.getBuffer().length() - 1);
        return text.toString();
    }

    public void write(Threat t) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("threatId", t.threatId());
            g.writeStringField("accountId", t.accountId());
            g.writeStringField("accountName", accountNames.apply(t.accountId()));
            g.writeStringField("user", t.user());
            g.writeStringField("principalArn", t.principalArn());
            g.writeStringField("sessionId", t.sessionId());
            g.writeStringField("assetType", t.assetType());
            g.writeStringField("assetKind", t.assetKind());
            g.writeStringField("assetId", t.assetId());
            g.writeStringField("severity", t.severity().label());
            tactics(g, "tactics", t.tactics());
            techniques(g, "techniques", t.techniques());
            g.writeStringField("detectionTime", time(t.detectionMillis()));
            g.writeStringField("firstEventTime", time(t.firstEventMillis()));
            g.writeStringField("lastEventTime", time(t.lastEventMillis()));
            g.writeArrayFieldStart("detections");
            for (Detection d : t.detections()) {
                detection(g, d);
            }
            g.writeEndArray();
            strings(g, "eventIds", t.eventIds());
            g.writeNumberField("eventsOmitted", t.eventsOmitted());
            strings(g, "mergedFrom", t.mergedFrom());
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void detection(JsonGenerator g, Detection d) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", d.kind().label());
        g.writeStringField("ruleId", d.ruleId());
        g.writeStringField("title", d.title());
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("eventId", d.eventId());
        g.writeStringField("eventTime", time(d.eventTimeMillis()));
        strings(g, "eventIds", d.eventIds());
        tactics(g, "tactics", d.tactics());
        techniques(g, "techniques", d.techniques());
        g.writeStringField("explanation", d.explanation());
        g.writeEndObject();
    }

    private static void tactics(JsonGenerator g, String field, List<Tactic> tactics) throws IOException {
        g.writeArrayFieldStart(field);
        for (Tactic t : tactics) {
            g.writeStartObject();
            g.writeStringField("id", t.id());
            g.writeStringField("name", t.name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void techniques(JsonGenerator g, String field, List<Technique> techniques) throws IOException {
        g.writeArrayFieldStart(field);
        for (Technique t : techniques) {
            g.writeStartObject();
            g.writeStringField("id", t.id());
            g.writeStringField("name", ATTACK.displayName(t));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
