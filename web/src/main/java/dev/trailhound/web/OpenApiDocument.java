package dev.trailhound.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI document: written by hand in YAML beside this class (a test holds it to the routes the server
 * registers), served as JSON at /api/openapi.json.
 */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static byte[] json() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.yml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yml is missing from the web module's resources");
            }
            return Json.MAPPER.writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yml is not readable YAML", e);
        }
    }
}
