package dev.trailhound.formats.sigma;

import dev.trailhound.core.rules.RuleProblem;
import dev.trailhound.core.rules.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads rule test files:
 * <pre>
 * rule: 6f1c...          # optional: the rule or correlation under test (default: every rule of the sibling file)
 * accounts: [111122223333] # optional: the organisation's own accounts
 * cases:
 *   - name: the trail is stopped from a laptop
 *     expect: match        # or no_match
 *     event: {...}         # one CloudTrail record, or
 *     events: [{...}, ...] # several, fed in order (for correlations)
 * </pre>
 */
public final class RuleTestParser {

    public RuleTestFile parse(String source, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleTestCase> cases = new ArrayList<>();
        YamlNodes nodes = new YamlNodes(source);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 << 20);
            options.setMaxAliasesForCollections(100_000);   // test records reuse a base record through anchors
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            SourceLocation at = mark == null ? SourceLocation.ofFile(source) : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
            return new RuleTestFile(source, null, List.of(), List.of(new RuleProblem(at, "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            return new RuleTestFile(source, null, List.of(), List.of(new RuleProblem(SourceLocation.ofFile(source), "not valid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode map)) {
            return new RuleTestFile(source, null, List.of(), List.of(new RuleProblem(SourceLocation.ofFile(source),
                    "a rule test file is a map with 'cases' (and optionally 'rule' and 'accounts')")));
        }
        List<String> accounts = nodes.strings(YamlNodes.get(map, "accounts"), "accounts", problems);
        Node list = YamlNodes.get(map, "cases");
        if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(new RuleProblem(nodes.at(list == null ? map : list), "'cases' must list at least one case"));
            return new RuleTestFile(source, YamlNodes.text(YamlNodes.get(map, "rule")), cases, problems);
        }
        for (Node item : seq.getValue()) {
            RuleTestCase c = testCase(item, nodes, accounts, problems);
            if (c != null) {
                cases.add(c);
            }
        }
        return new RuleTestFile(source, YamlNodes.text(YamlNodes.get(map, "rule")), cases, problems);
    }

    private RuleTestCase testCase(Node item, YamlNodes nodes, List<String> fileAccounts, List<RuleProblem> problems) {
        if (!(item instanceof MappingNode c)) {
            problems.add(new RuleProblem(nodes.at(item), "a case is a map with name, expect and event (or events)"));
            return null;
        }
        String name = YamlNodes.text(YamlNodes.get(c, "name"));
        String expect = YamlNodes.text(YamlNodes.get(c, "expect"));
        String label = "case '" + (name == null ? "?" : name) + "': ";
        int before = problems.size();
        if (name == null || name.isBlank()) {
            problems.add(new RuleProblem(nodes.at(c), "a case needs a name that says what it shows"));
        }
        String e = expect == null ? "" : expect.strip().toLowerCase(Locale.ROOT);
        if (!e.equals("match") && !e.equals("no_match")) {
            problems.add(new RuleProblem(nodes.at(c), label + "expect must be match or no_match"));
        }
        List<String> events = new ArrayList<>();
        Node one = YamlNodes.get(c, "event");
        Node many = YamlNodes.get(c, "events");
        if (one instanceof MappingNode) {
            events.add(YamlJson.of(one).toString());
        } else if (many instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            for (Node ev : seq.getValue()) {
                if (ev instanceof MappingNode) {
                    events.add(YamlJson.of(ev).toString());
                } else {
                    problems.add(new RuleProblem(nodes.at(ev), label + "each event must be a CloudTrail record (a map)"));
                }
            }
        } else {
            problems.add(new RuleProblem(nodes.at(c), label + "give 'event' (one record) or 'events' (a list of records)"));
        }
        List<String> accounts = new ArrayList<>(fileAccounts);
        accounts.addAll(nodes.strings(YamlNodes.get(c, "accounts"), "accounts", problems));
        if (problems.size() > before) {
            return null;
        }
        return new RuleTestCase(name, e.equals("match"), events, accounts, nodes.at(c));
    }
}
