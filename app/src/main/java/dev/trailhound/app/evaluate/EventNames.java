package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The "service:EventName" of each eventID of a JSON Lines capture, as the corpus labels spell calls. */
final class EventNames {
    private EventNames() {
    }

    static Map<String, String> byEventId(Path jsonLines) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode record : CorpusFiles.readJsonLines(jsonLines)) {
            String id = record.path("eventID").asText(null);
            if (id != null) {
                names.put(id, call(record));
            }
        }
        return names;
    }

    /** {@code ec2.amazonaws.com} + {@code GetPasswordData} is {@code ec2:GetPasswordData}. */
    static String call(JsonNode record) {
        String source = record.path("eventSource").asText("");
        int dot = source.indexOf(".amazonaws.com");
        return (dot > 0 ? source.substring(0, dot) : source) + ":" + record.path("eventName").asText("");
    }
}
