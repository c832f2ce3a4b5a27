package dev.trailhound.formats.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a YAML node into the JSON a CloudTrail record would have. Only {@code true}/{@code false} become
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
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : t.getKeyNode().toString();
                o.set(key, of(t.getValueNode()));
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
