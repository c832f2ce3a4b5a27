package dev.trailhound.app.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Reads {@code --placeholders FILE}: a YAML (or JSON) map of placeholder name to a value or list of values. */
public final class PlaceholdersFile {
    private PlaceholdersFile() {
    }

    public static Map<String, List<String>> read(Path file, CommandLine.Model.CommandSpec spec) {
        if (file == null) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--placeholders " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--placeholders " + file
                    + ": expected a map of placeholder name to values, e.g. 'admin_networks: [192.0.2.0/24]'");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            out.put(e.getKey().replace("%", ""), values);
        });
        return out;
    }
}
