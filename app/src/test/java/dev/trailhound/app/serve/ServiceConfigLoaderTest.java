package dev.trailhound.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigLoaderTest {
    /** Maven runs a module's tests in the module's directory. */
    private static final Path EXAMPLE = Path.of("..", "config.example.yml");

    @TempDir
    Path dir;

    @Test
    void the_example_file_loads_and_documents_every_key_with_its_default() throws IOException {
        ServiceConfig fromExample = new ServiceConfigLoader(Map.of()).load(EXAMPLE, Map.of());
        ServiceConfig defaults = new ServiceConfigLoader(Map.of()).load(null, Map.of());
        assertThat(fromExample).isEqualTo(defaults);
        Set<String> documented = new HashSet<>();
        collect("", new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile()), documented);
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(documented).as("config.example.yml documents " + key.path).contains(key.path);
        }
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.database().url()).startsWith("jdbc:h2:file:");
    }

    private static void collect(String prefix, JsonNode node, Set<String> paths) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                collect(path, e.getValue(), paths);
            } else {
                paths.add(path);
            }
        }
    }

    @Test
    void lists_every_problem_at_once() throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "http:\n  port: 99999\n  prot: 1\ndatabase:\n  url: mysql://x\n  passwordEnv: NOPE_NOT_SET\n");
        assertThatThrownBy(() -> new ServiceConfigLoader(Map.of("TRAILHOUND_DETECTION_LEARNING_DAYS", "soon")).load(file, Map.of()))
                .isInstanceOfSatisfying(ServiceConfigLoader.InvalidConfig.class, e -> assertThat(e.problems()).hasSize(5))
                .hasMessageContaining("http.port: must be between 0 and 65535, was 99999")
                .hasMessageContaining("unknown setting 'http.prot'")
                .hasMessageContaining("database.url: expected jdbc:postgresql://")
                .hasMessageContaining("NOPE_NOT_SET is not set")
                .hasMessageContaining("detection.learningDays: not a number");
    }

    @Test
    void environment_overrides_the_file_flags_override_both_and_unknown_variables_are_warnings() throws IOException {
        Path file = dir.resolve("c.yml");
        Files.writeString(file, "http:\n  port: 9000\n  host: 127.0.0.2\ndatabase:\n  url: jdbc:postgresql://db:5432/th\n"
                + "  user: th\n  passwordEnv: DB_PW\n");
        ServiceConfigLoader loader = new ServiceConfigLoader(Map.of("TRAILHOUND_HTTP_PORT", "9001", "DB_PW", "s3cret",
                "TRAILHOUND_HTTP_PROT", "1"));
        ServiceConfig config = loader.load(file, Map.of(ConfigKey.HTTP_HOST, "127.0.0.3"));
        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.host()).isEqualTo("127.0.0.3");
        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.describe()).doesNotContain("s3cret").contains("environment variable DB_PW");
        assertThat(config.database().toString()).doesNotContain("s3cret");
        assertThat(loader.warnings()).singleElement().asString().contains("TRAILHOUND_HTTP_PROT");
        assertThat(ConfigKey.HTTP_MAX_BODY_BYTES.environmentName()).isEqualTo("TRAILHOUND_HTTP_MAX_BODY_BYTES");
    }
}
