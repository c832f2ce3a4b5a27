package dev.trailhound.app.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code --accounts}: a JSON or YAML map of 12-digit account id to account name. */
public final class AccountNamesFile {
    private AccountNamesFile() {}

    public static Map<String, String> read(Path file) throws InvalidAccountsFileException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yml") || name.endsWith(".yaml") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidAccountsFileException(file + ": cannot be read as " + (mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON")
                    + ": " + getOriginalMessageOrMessage(e));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidAccountsFileException(file + ": expected a map of account id to name, e.g. {\"111122223333\": \"prod\"}");
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("\\d{12}")) {
                problems.add("key \"" + e.getKey() + "\" is not a 12-digit account id");
            } else if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                problems.add("account " + e.getKey() + ": the name must be a string");
            } else {
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountsFileException(file + ": " + String.join("; ", problems));
        }
        return names;
    }

    private static String getOriginalMessageOrMessage(IOException e) {
        return e.getMessage();
    }
}
