package dev.trailhound.web;

import static dev.trailhound.web.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailhound.store.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    @Test
    void documents_exactly_the_routes_the_server_serves_and_is_served_without_sign_in() {
        try (ApiFixture api = new ApiFixture(DatabaseKind.H2, (source, body, jsonLines) -> {
            throw new AssertionError("no ingest here");
        }, 1 << 20)) {
            HttpResponse<String> response = api.get("/api/openapi.json", null);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode document = json(response);
            assertThat(document.path("openapi").asText()).startsWith("3.");
            List<String> documented = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }
            assertThat(documented).containsExactlyInAnyOrderElementsOf(api.server.routes());
            // every $ref points at something the document defines
            String text = response.body();
            java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"#/components/([a-zA-Z]+)/([a-zA-Z]+)\"").matcher(text);
            while (refs.find()) {
                assertThat(document.path("components").path(refs.group(1)).has(refs.group(2))).as(refs.group()).isTrue();
            }
        }
    }
}
