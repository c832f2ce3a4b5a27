package dev.trailhound.formats.sigma;

import dev.trailhound.core.rules.ConditionText;
import dev.trailhound.core.rules.CorrelationDefinition;
import dev.trailhound.core.rules.FieldTest;
import dev.trailhound.core.rules.RuleDefinition;
import dev.trailhound.core.rules.RuleMetadata;
import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.core.rules.SearchDefinition;
import dev.trailhound.core.rules.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads Sigma rule files (the public Sigma specification, YAML) into rule and correlation definitions, keeping
 * the line and column of everything for problems. A file may hold several documents ({@code ---}), e.g. a
 * correlation and the rules it uses. Rules for other log sources than {@code product: aws, service: cloudtrail}
 * are counted and skipped. Nothing here judges what the rule means: {@code RuleCompiler} does.
 */
public final class SigmaParser {
    private static final int MAX_FILE_CHARS = 4 << 20;

    public SigmaFile parse(String source, String text) {
        List<RuleDefinition> rules = new ArrayList<>();
        List<CorrelationDefinition> correlations = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        int[] otherLogSources = {0};
        YamlNodes nodes = new YamlNodes(source);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CHARS);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            for (Node doc : yaml.composeAll(new StringReader(text))) {
                if (doc == null) {
                    continue;
                }
                document(doc, nodes, rules, correlations, problems, otherLogSources);
            }
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation at = mark == null ? SourceLocation.ofFile(source) : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(new RuleProblem(at, "not valid YAML: " + e.getProblem() + (e.getContext() != null ? " (" + e.getContext() + ")" : "")));
        } catch (YAMLException e) {
            problems.add(new RuleProblem(SourceLocation.ofFile(source), "not valid YAML: " + e.getMessage()));
        }
        return new SigmaFile(source, rules, correlations, problems, otherLogSources[0]);
    }

    private void document(Node doc, YamlNodes nodes, List<RuleDefinition> rules, List<CorrelationDefinition> correlations,
            List<RuleProblem> problems, int[] otherLogSources) {
        if (!(doc instanceof MappingNode map)) {
            problems.add(new RuleProblem(nodes.at(doc), "a Sigma rule is a YAML map with title, logsource, detection...; this document is not a map"));
            return;
        }
        for (ScalarNode dup : nodes.duplicateKeys(map)) {
            problems.add(new RuleProblem(nodes.at(dup), "key '" + dup.getValue() + "' appears twice in the same map: keep one"));
        }
        if (YamlNodes.get(map, "action") != null) {
            problems.add(new RuleProblem(nodes.at(map), "'action' documents (Sigma v1 global/repeat/reset collections) are not"
                    + " supported: write each rule as a complete document"));
            return;
        }
        RuleMetadata meta = metadata(map, nodes, problems);
        if ("deprecated".equals(meta.status()) || "unsupported".equals(meta.status())) {
            // Its authors say it cannot be used as it is: keep it for the compiler to skip with a warning, but do
            // not report the syntax it may use that no tool supports any more.
            problems = new ArrayList<>();
        }
        Node correlation = YamlNodes.get(map, "correlation");
        if (correlation != null) {
            correlations.add(correlation(meta, correlation, map, nodes, problems));
            return;
        }
        Node detection = YamlNodes.get(map, "detection");
        if (detection == null) {
            problems.add(new RuleProblem(nodes.at(map), "not a Sigma rule: it has neither 'detection' nor 'correlation'"));
            return;
        }
        Node logsource = YamlNodes.get(map, "logsource");
        if (!(logsource instanceof MappingNode ls)) {
            problems.add(new RuleProblem(logsource == null ? nodes.at(map) : nodes.at(logsource),
                    "logsource must be a map: for CloudTrail, 'logsource: {product: aws, service: cloudtrail}'"));
            return;
        }
        String product = lower(YamlNodes.text(YamlNodes.get(ls, "product")));
        String service = lower(YamlNodes.text(YamlNodes.get(ls, "service")));
        if (!"aws".equals(product) || !"cloudtrail".equals(service)) {
            otherLogSources[0]++;
            return;
        }
        if (!(detection instanceof MappingNode det)) {
            problems.add(new RuleProblem(nodes.at(detection), "detection must be a map of named searches and a condition"));
            return;
        }
        rules.add(detection(meta, det, nodes, problems));
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private RuleMetadata metadata(MappingNode map, YamlNodes nodes, List<RuleProblem> problems) {
        String automation = lower(YamlNodes.text(YamlNodes.get(map, "automation")));
        if (automation != null && !automation.equals("include") && !automation.equals("exclude")) {
            problems.add(new RuleProblem(nodes.at(YamlNodes.get(map, "automation")), "automation must be 'include' (the rule also judges"
                    + " automation identities' events) or 'exclude' (the default)"));
        }
        String level = lower(YamlNodes.text(YamlNodes.get(map, "level")));
        String status = lower(YamlNodes.text(YamlNodes.get(map, "status")));
        return new RuleMetadata(YamlNodes.text(YamlNodes.get(map, "id")), YamlNodes.text(YamlNodes.get(map, "name")),
                YamlNodes.text(YamlNodes.get(map, "title")), YamlNodes.text(YamlNodes.get(map, "description")), level, status,
                nodes.strings(YamlNodes.get(map, "tags"), "tags", problems),
                nodes.strings(YamlNodes.get(map, "falsepositives"), "falsepositives", problems),
                nodes.strings(YamlNodes.get(map, "references"), "references", problems),
                "include".equals(automation), nodes.at(map));
    }

    private RuleDefinition detection(RuleMetadata meta, MappingNode det, YamlNodes nodes, List<RuleProblem> problems) {
        Map<String, SearchDefinition> searches = new LinkedHashMap<>();
        List<ConditionText> conditions = new ArrayList<>();
        for (ScalarNode dup : nodes.duplicateKeys(det)) {
            problems.add(new RuleProblem(nodes.at(dup), "search '" + dup.getValue() + "' is defined twice: rename one"));
        }
        for (NodeTuple t : det.getValue()) {
            String name = YamlNodes.text(t.getKeyNode());
            Node value = t.getValueNode();
            if (name == null) {
                problems.add(new RuleProblem(nodes.at(t.getKeyNode()), "a search needs a name"));
            } else if (name.equals("condition")) {
                conditions(value, nodes, conditions, problems);
            } else if (name.equals("timeframe")) {
                problems.add(new RuleProblem(nodes.at(t.getKeyNode()), "'timeframe' belongs to the Sigma v1 aggregation syntax:"
                        + " write a correlation rule (with 'timespan') that refers to this rule instead"));
            } else {
                SearchDefinition s = search(name, value, nodes, problems);
                if (s != null) {
                    searches.put(name, s);
                }
            }
        }
        if (conditions.isEmpty()) {
            problems.add(new RuleProblem(nodes.at(det), "detection has no condition: add 'condition: <expression>', e.g. 'condition: selection'"));
        }
        return new RuleDefinition(meta, searches, conditions);
    }

    private void conditions(Node value, YamlNodes nodes, List<ConditionText> out, List<RuleProblem> problems) {
        if (value instanceof ScalarNode s && !YamlNodes.isNull(s)) {
            out.add(new ConditionText(s.getValue(), conditionStart(s, nodes)));
        } else if (value instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            for (Node item : seq.getValue()) {
                conditions(item, nodes, out, problems);
            }
        } else {
            problems.add(new RuleProblem(nodes.at(value), "condition must be an expression such as 'selection and not filter'"));
        }
    }

    /** Where the condition text itself starts: after the opening quote of a quoted scalar. */
    private static SourceLocation conditionStart(ScalarNode s, YamlNodes nodes) {
        SourceLocation at = nodes.at(s);
        boolean quoted = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.SINGLE_QUOTED
                || s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        boolean block = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED;
        if (block) {
            return new SourceLocation(at.file(), at.line(), 0);   // columns inside a block scalar are not tracked
        }
        return quoted ? new SourceLocation(at.file(), at.line(), at.column() + 1) : at;
    }

    private SearchDefinition search(String name, Node value, YamlNodes nodes, List<RuleProblem> problems) {
        SourceLocation where = nodes.at(value);
        if (value instanceof MappingNode map) {
            List<FieldTest> tests = fieldTests(name, map, nodes, problems);
            return tests == null ? null : new SearchDefinition.Fields(name, List.of(tests), where);
        }
        if (value instanceof SequenceNode seq) {
            boolean maps = seq.getValue().stream().allMatch(n -> n instanceof MappingNode);
            boolean scalars = seq.getValue().stream().allMatch(n -> n instanceof ScalarNode);
            if (maps && !seq.getValue().isEmpty()) {
                List<List<FieldTest>> alternatives = new ArrayList<>();
                for (Node n : seq.getValue()) {
                    List<FieldTest> tests = fieldTests(name, (MappingNode) n, nodes, problems);
                    if (tests == null) {
                        return null;
                    }
                    alternatives.add(tests);
                }
                return new SearchDefinition.Fields(name, alternatives, where);
            }
            if (scalars && !seq.getValue().isEmpty()) {
                List<String> words = seq.getValue().stream().map(YamlNodes::text).toList();
                return new SearchDefinition.Keywords(name, new FieldTest("", List.of(), words, where), where);
            }
            problems.add(new RuleProblem(where, "search '" + name + "' must be a map of fields, a list of such maps, or a list of keywords"));
            return null;
        }
        if (value instanceof ScalarNode s && !YamlNodes.isNull(s)) {
            return new SearchDefinition.Keywords(name, new FieldTest("", List.of(), List.of(s.getValue()), where), where);
        }
        problems.add(new RuleProblem(where, "search '" + name + "' is empty: give it field tests or keywords"));
        return null;
    }

    private List<FieldTest> fieldTests(String search, MappingNode map, YamlNodes nodes, List<RuleProblem> problems) {
        int before = problems.size();
        for (ScalarNode dup : nodes.duplicateKeys(map)) {
            problems.add(new RuleProblem(nodes.at(dup), "search '" + search + "': field '" + dup.getValue()
                    + "' appears twice in one map, so one test would be lost: combine the values, or use '|all' or a list of maps"));
        }
        List<FieldTest> tests = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String key = YamlNodes.text(t.getKeyNode());
            SourceLocation where = nodes.at(t.getKeyNode());
            if (key == null || key.isBlank()) {
                problems.add(new RuleProblem(where, "search '" + search + "': a field name is missing"));
                continue;
            }
            String[] parts = key.split("\\|", -1);
            String field = parts[0].strip();
            List<String> modifiers = Arrays.stream(parts).skip(1).map(m -> m.strip().toLowerCase(Locale.ROOT)).toList();
            if (field.isEmpty()) {
                problems.add(new RuleProblem(where, "search '" + search + "': '" + key + "' has modifiers but no field name"));
                continue;
            }
            if (modifiers.contains("")) {
                problems.add(new RuleProblem(where, "search '" + search + "': '" + key + "' has an empty modifier (two '|' in a row?)"));
                continue;
            }
            List<String> values = new ArrayList<>();
            Node v = t.getValueNode();
            if (v instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (item instanceof ScalarNode) {
                        values.add(YamlNodes.text(item));
                    } else {
                        problems.add(new RuleProblem(nodes.at(item), "field '" + field + "': a value must be a text, number, boolean or null"));
                    }
                }
                if (seq.getValue().isEmpty()) {
                    problems.add(new RuleProblem(nodes.at(v), "field '" + field + "': the list of values is empty"));
                }
            } else if (v instanceof ScalarNode) {
                values.add(YamlNodes.text(v));
            } else {
                problems.add(new RuleProblem(nodes.at(v), "field '" + field + "': a value cannot be a map; to test a nested field,"
                        + " write its dotted path (e.g. requestParameters.bucketName)"));
            }
            tests.add(new FieldTest(field, modifiers, values, where));
        }
        return problems.size() > before ? null : tests;
    }

    private CorrelationDefinition correlation(RuleMetadata meta, Node node, MappingNode doc, YamlNodes nodes, List<RuleProblem> problems) {
        if (!(node instanceof MappingNode c)) {
            problems.add(new RuleProblem(nodes.at(node), "correlation must be a map with type, rules, group-by, timespan and condition"));
            return new CorrelationDefinition(meta, null, List.of(), List.of(), null, Map.of(), null, false, nodes.at(node));
        }
        Node type = YamlNodes.get(c, "type");
        if (YamlNodes.get(c, "aliases") != null) {
            problems.add(new RuleProblem(nodes.at(YamlNodes.get(c, "aliases")), "correlation field aliases are not supported:"
                    + " group by fields that have the same name in every correlated rule's events"));
        }
        Map<String, String> condition = new LinkedHashMap<>();
        String field = null;
        Node cond = YamlNodes.get(c, "condition");
        if (cond instanceof MappingNode cm) {
            for (NodeTuple t : cm.getValue()) {
                String key = lower(YamlNodes.text(t.getKeyNode()));
                String value = YamlNodes.text(t.getValueNode());
                if ("field".equals(key)) {
                    field = value;
                } else if (key != null) {
                    condition.put(key, value);
                }
            }
        } else if (cond != null) {
            problems.add(new RuleProblem(nodes.at(cond), "correlation condition must be a map such as {gte: 20}"));
        }
        Node generate = YamlNodes.get(doc, "generate");
        if (generate == null) {
            generate = YamlNodes.get(c, "generate");
        }
        return new CorrelationDefinition(meta, YamlNodes.text(type), nodes.strings(YamlNodes.get(c, "rules"), "correlation rules", problems),
                nodes.strings(YamlNodes.get(c, "group-by"), "correlation group-by", problems), YamlNodes.text(YamlNodes.get(c, "timespan")),
                condition, field, "true".equalsIgnoreCase(YamlNodes.text(generate)), type == null ? nodes.at(c) : nodes.at(type));
    }
}
