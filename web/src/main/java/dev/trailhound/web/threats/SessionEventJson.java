package dev.trailhound.web.threats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.event.Asset;
import dev.trailhound.core.event.AssetResolver;
import dev.trailhound.core.threat.ThreatJsonWriter;
import dev.trailhound.store.event.EventRecord;
import dev.trailhound.web.Json;
import java.io.IOException;
import java.util.List;

/** One session event as the threat's events page shows it: the summary fields and the raw record. */
final class SessionEventJson {
    private SessionEventJson() {
    }

    static ObjectNode of(EventRecord e, String sessionId) {
        JsonNode raw;
        try {
            raw = Json.MAPPER.readTree(e.rawJson());
        } catch (IOException ex) {
            throw new IllegalStateException("a stored event is not JSON: " + e.eventId(), ex);
        }
        // the asset is worked out on reading (a page at a time) rather than for every ingested event
        List<Asset> assets = AssetResolver.standard().resolve(e.eventSource(), e.eventName(), raw);
        ObjectNode json = Json.object();
        json.put("eventId", e.eventId());
        json.put("eventTime", ThreatJsonWriter.time(e.eventMillis()));
        json.put("eventName", e.eventName());
        json.put("eventSource", e.eventSource());
        json.put("eventType", e.eventType());
        json.put("assetId", assets.isEmpty() ? null : assets.get(0).id());
        json.put("sourceIPAddress", e.sourceIp());
        json.put("region", e.region());
        json.put("sessionId", sessionId);
        json.set("raw", raw);
        return json;
    }
}
