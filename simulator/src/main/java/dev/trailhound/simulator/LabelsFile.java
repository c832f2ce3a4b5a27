package dev.trailhound.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code labels.json} (the scenarios, beside the data, never inside {@code AWSLogs}) and
 * {@code accounts.json} (account id to name, the format {@code scan --accounts} reads).
 */
final class LabelsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabelsFile() {
    }

    static void write(Path out, SimulationOptions options, Organization org, List<Scenario> scenarios) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "trailhound-simulation-labels/1");
        root.put("seed", options.seed());
        root.put("start", options.start().toString());
        root.put("days", options.days());
        root.put("organizationId", org.id());
        ObjectNode accounts = JSON.createObjectNode();
        org.accounts().forEach(a -> accounts.put(a.id(), a.name()));
        root.set("accounts", accounts);
        root.put("attackerAccountId", org.attackerAccountId());
        ArrayNode list = root.putArray("scenarios");
        for (Scenario scenario : scenarios) {
            ScenarioLabel l = scenario.label();
            ObjectNode node = list.addObject();
            node.put("id", l.id());
            node.put("kind", l.kind());
            node.put("signal", l.signal());
            node.put("title", l.title());
            node.put("description", l.description());
            strings(node.putArray("stratus"), l.stratus());
            strings(node.putArray("techniques"), l.techniques());
            strings(node.putArray("tactics"), l.tactics());
            strings(node.putArray("accountIds"), l.accountIds());
            strings(node.putArray("principalArns"), l.principalArns());
            node.put("start", l.start());
            node.put("end", l.end());
            strings(node.putArray("keyEventIds"), l.keyEventIds());
            strings(node.putArray("eventIds"), l.eventIds());
        }
        JSON.writeValue(out.resolve("labels.json").toFile(), root);
        JSON.writeValue(out.resolve("accounts.json").toFile(), accounts);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
