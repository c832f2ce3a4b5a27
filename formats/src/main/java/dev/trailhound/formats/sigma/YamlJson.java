package dev.trailhound.formats.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a YAML node into the JSON a CloudTrail record would have. Merge keys ({@code <<: *base}) are honoured,
 * so test records can share a base record. Only {@code true}/{@code false} become
 * booleans (YAML 1.1's yes/no/on/off stay text, as CloudTrail's "MFAUsed": "No" must), timestamps stay text,
 * plain integers and decimals become numbers.
 */
final class YamlJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private YamlJson() {
    }

    static JsonNode of(Node node) {
        if (node instanceof MappingNode map) {
            ObjectNode o = F.objectNode();
            List<JsonNode> merged = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : t.getKeyNode().toString();
                if (key.equals("<<") || t.getKeyNode().getTag().equals(Tag.MERGE)) {
                    // YAML merge key: records of a test can share a base record and state only what differs
                    if (t.getValueNode() instanceof SequenceNode seq) {
                        seq.getValue().forEach(n -> merged.add(of(n)));
                    } else {
                        merged.add(of(t.getValueNode()));
                    }
                } else {
                    o.set(key, of(t.getValueNode()));
                }
            }
            for (JsonNode base : merged) {
                base.fields().forEachRemaining(e -> {
                    if (!o.has(e.getKey())) {
                        o.set(e.getKey(), e.getValue());
                    }
                });
            }
            return o;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode a = F.arrayNode();
            seq.getValue().forEach(n -> a.add(of(n)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        String text = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return F.nullNode();
        }
        if (tag.equals(Tag.BOOL) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return F.booleanNode(Boolean.parseBoolean(text.toLowerCase()));
        }
        if (tag.equals(Tag.INT) && text.matches("[-+]?\\d+")) {
            return F.numberNode(new BigInteger(text));
        }
        if (tag.equals(Tag.FLOAT) && text.matches("[-+]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return F.numberNode(new BigDecimal(text));
        }
        return F.textNode(text);
    }
}
