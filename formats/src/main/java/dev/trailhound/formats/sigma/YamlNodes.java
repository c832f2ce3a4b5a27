package dev.trailhound.formats.sigma;

import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.core.rules.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small readers over SnakeYAML's node tree that keep each value's position for problems. */
final class YamlNodes {
    private final String source;

    YamlNodes(String source) {
        this.source = source;
    }

    SourceLocation at(Node node) {
        return new SourceLocation(source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** The value under {@code key} in a mapping, or null. */
    static Node get(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** A scalar's text as written (numbers and booleans keep their textual form); null for YAML null. */
    static String text(Node node) {
        if (isNull(node)) {
            return null;
        }
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** A string or a list of strings, as a list; non-scalars are reported. */
    List<String> strings(Node node, String what, List<RuleProblem> problems) {
        List<String> out = new ArrayList<>();
        if (isNull(node)) {
            return out;
        }
        if (node instanceof ScalarNode s) {
            out.add(s.getValue());
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && !isNull(s)) {
                    out.add(s.getValue());
                } else {
                    problems.add(new RuleProblem(at(item), what + ": expected a text value"));
                }
            }
        } else {
            problems.add(new RuleProblem(at(node), what + ": expected a text or a list of texts"));
        }
        return out;
    }

    /** Keys that occur twice in a mapping (YAML forbids them; silently keeping one would change a rule). */
    List<ScalarNode> duplicateKeys(MappingNode map) {
        List<String> seen = new ArrayList<>();
        List<ScalarNode> dup = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (seen.contains(k.getValue())) {
                    dup.add(k);
                }
                seen.add(k.getValue());
            }
        }
        return dup;
    }
}
