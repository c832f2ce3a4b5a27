package dev.trailhound.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the assets an event acted on from its CloudTrail record, following a table of per-service rules.
 *
 * <p>The standard table is the resource {@code dev/trailhound/core/event/assets.tsv}; its header describes
 * the format and the choice of asset ids. For an event, every rule of its {@code eventSource} whose event
 * name pattern matches contributes, in table order. Only when no rule names an asset are the entries of the
 * record's {@code resources} array mapped by their CloudFormation-style type. Assets are deduplicated,
 * keep first-seen order and are capped at {@value #MAX_ASSETS} per event. An empty list means the record
 * names no resource the table knows; callers then treat the principal as the asset.
 *
 * <p>The table is compiled once, when loaded; a resolver is immutable and safe to share between threads.
 */
public final class AssetResolver {
    /** Most assets derived from one event. */
    public static final int MAX_ASSETS = 50;

    static final String STANDARD_TABLE = "dev/trailhound/core/event/assets.tsv";

    private static volatile AssetResolver standard;

    private final Map<String, AssetRule[]> rulesBySource;
    private final ResourceRule[] resourceRules;
    private final List<Integer> ruleLines;

    AssetResolver(List<AssetRule> rules, List<ResourceRule> resourceRules) {
        Map<String, List<AssetRule>> grouped = new LinkedHashMap<>();
        for (AssetRule rule : rules) {
            grouped.computeIfAbsent(rule.source(), source -> new ArrayList<>()).add(rule);
        }
        Map<String, AssetRule[]> bySource = new LinkedHashMap<>();
        grouped.forEach((source, list) -> bySource.put(source, list.toArray(AssetRule[]::new)));
        this.rulesBySource = Map.copyOf(bySource);
        this.resourceRules = resourceRules.toArray(ResourceRule[]::new);
        List<Integer> lines = new ArrayList<>();
        rules.forEach(rule -> lines.add(rule.line()));
        resourceRules.forEach(rule -> lines.add(rule.line()));
        lines.sort(null);
        this.ruleLines = List.copyOf(lines);
    }

    /**
     * The resolver for the built-in asset table, loaded on first use.
     *
     * @throws IllegalStateException if the table is missing or has a bad line (naming the table and line)
     */
    public static AssetResolver standard() {
        AssetResolver resolver = standard;
        if (resolver == null) {
            synchronized (AssetResolver.class) {
                resolver = standard;
                if (resolver == null) {
                    resolver = load(STANDARD_TABLE);
                    standard = resolver;
                }
            }
        }
        return resolver;
    }

    /** Loads a table from the class path. */
    static AssetResolver load(String resourcePath) {
        InputStream in = AssetResolver.class.getClassLoader().getResourceAsStream(resourcePath);
        if (in == null) {
            throw new IllegalStateException(resourcePath + ": asset table not found on the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return AssetTableReader.read(resourcePath, reader);
        } catch (IOException e) {
            throw new IllegalStateException(resourcePath + ": cannot close asset table", e);
        }
    }

    /** Compiles a table given as text; {@code tableName} is how errors name it. */
    static AssetResolver parse(String tableName, String table) {
        return AssetTableReader.read(tableName, new BufferedReader(new StringReader(table)));
    }

    /**
     * The assets an event acted on.
     *
     * @param eventSource the record's {@code eventSource}, e.g. {@code ec2.amazonaws.com}
     * @param eventName   the record's {@code eventName}, e.g. {@code RunInstances}
     * @param record      the whole CloudTrail record
     * @return the assets in first-seen order, without duplicates, at most {@value #MAX_ASSETS}; empty when the
     *     record names no resource the table knows
     */
    public List<Asset> resolve(String eventSource, String eventName, JsonNode record) {
        List<AssetMatch> matches = trace(eventSource, eventName, record);
        List<Asset> assets = new ArrayList<>(matches.size());
        for (AssetMatch match : matches) {
            assets.add(match.asset());
        }
        return List.copyOf(assets);
    }

    /** As {@link #resolve}, saying which table line named each asset. */
    List<AssetMatch> trace(String eventSource, String eventName, JsonNode record) {
        if (record == null || !record.isObject()) {
            return List.of();
        }
        Collector found = new Collector();
        AssetRule[] rules = eventSource == null ? null : rulesBySource.get(eventSource);
        if (rules != null) {
            for (AssetRule rule : rules) {
                if (found.full()) {
                    break;
                }
                if (rule.events().matches(eventName)) {
                    rule.forEachId(record, id -> found.add(new Asset(rule.type(), rule.kind(), id), rule.line()));
                }
            }
        }
        if (found.isEmpty()) {
            fromResources(record.get("resources"), found);
        }
        return found.matches();
    }

    /** The line numbers of every rule in the table, in order. */
    List<Integer> ruleLines() {
        return ruleLines;
    }

    private void fromResources(JsonNode resources, Collector found) {
        if (resources == null || !resources.isArray()) {
            return;
        }
        for (JsonNode entry : resources) {
            JsonNode type = entry.get("type");
            if (type == null || !type.isTextual() || found.full()) {
                continue;
            }
            for (ResourceRule rule : resourceRules) {
                Optional<Asset> asset = rule.asset(type.textValue(), entry);
                if (asset.isPresent()) {
                    found.add(asset.get(), rule.line());
                    break;
                }
            }
        }
    }

    /** Assets found so far for one event: deduplicated, in first-seen order, capped. */
    private static final class Collector {
        private final List<AssetMatch> matches = new ArrayList<>();
        private final Set<Asset> seen = new HashSet<>();

        void add(Asset asset, int line) {
            if (!full() && seen.add(asset)) {
                matches.add(new AssetMatch(asset, line));
            }
        }

        boolean full() {
            return matches.size() >= MAX_ASSETS;
        }

        boolean isEmpty() {
            return matches.isEmpty();
        }

        List<AssetMatch> matches() {
            return List.copyOf(matches);
        }
    }
}
