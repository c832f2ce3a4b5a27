package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The calls of a JSON Lines capture by eventID, as the corpus labels spell them ("ec2:GetPasswordData"). */
final class EventNames {
    private EventNames() {
    }

    static Map<String, RecordedCall> byEventId(Path jsonLines) {
        Map<String, RecordedCall> calls = new HashMap<>();
        for (JsonNode record : CorpusFiles.readJsonLines(jsonLines)) {
            String id = record.path("eventID").asText(null);
            if (id != null) {
                JsonNode error = record.path("errorCode");
                calls.put(id, new RecordedCall(call(record), error.isTextual() ? error.asText() : null));
            }
        }
        return calls;
    }

    /** {@code ec2.amazonaws.com} + {@code GetPasswordData} is {@code ec2:GetPasswordData}. */
    static String call(JsonNode record) {
        String source = record.path("eventSource").asText("");
        int dot = source.indexOf(".amazonaws.com");
        return (dot > 0 ? source.substring(0, dot) : source) + ":" + record.path("eventName").asText("");
    }

    /** Error code ("(succeeded)" for none) to how many of the calls ended so. */
    static Map<String, Long> outcomes(Collection<RecordedCall> calls) {
        Map<String, Long> outcomes = new TreeMap<>();
        calls.forEach(c -> outcomes.merge(c.outcome(), 1L, Long::sum));
        return outcomes;
    }
}
