package dev.trailhound.app.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the corpus' label files; a problem names the file (and line) and what is wrong. */
final class CorpusFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private CorpusFiles() {
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CorpusException(file + ": line " + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CorpusException(file + ": " + describe(e));
        }
    }

    /** Every non-blank line of a JSON Lines file, parsed. */
    static List<JsonNode> readJsonLines(Path file) {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    nodes.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new CorpusException(file + ": line " + number + ": not valid JSON: " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new CorpusException(file + ": " + describe(e));
        }
        return nodes;
    }

    /** A required text field of a label object. */
    static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new CorpusException(file + ": an entry has no text field \"" + field + "\": " + abbreviate(node));
        }
        return value.asText();
    }

    /** The texts of an optional array field (empty when absent). */
    static List<String> texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        node.path(field).forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.toString();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
