package dev.trailhound.web.threats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.threat.StoredThreat;
import dev.trailhound.web.Json;
import java.util.function.Function;

/** A stored threat as the API answers it, wherever a threat is shown (the list, one threat, a suppression's preview). */
public final class ThreatJson {
    private final Function<String, String> threatLink;

    /** @param threatLink threat id to the threat page's URL (for the threat's {@code link} field) */
    public ThreatJson(Function<String, String> threatLink) {
        this.threatLink = threatLink;
    }

    /** The scan contract's document, with the service's fields: account name, status, event count, suppression, link. */
    public ObjectNode of(StoredThreat t) {
        ObjectNode json;
        try {
            json = (ObjectNode) Json.MAPPER.readTree(t.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored threat document is not JSON: " + t.threatId(), e);
        }
        json.put("accountName", t.accountName());
        json.put("status", t.status().label());
        json.put("eventCount", t.eventCount());
        json.put("sessionClosed", t.sessionClosed());
        if (t.suppression() != null) {
            ObjectNode s = json.putObject("suppression");
            s.put("reason", t.suppression().reason());
            s.put("by", t.suppression().by());
            s.put("at", ThreatJsonWriter.time(t.suppression().atMillis()));
            s.put("suppressionId", t.suppression().ruleId());
        }
        json.put("link", threatLink.apply(t.threatId()));
        return json;
    }
}
