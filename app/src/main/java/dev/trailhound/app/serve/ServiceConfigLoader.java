package dev.trailhound.app.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trailhound.store.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the configuration: the YAML file (optional), {@code TRAILHOUND_*} environment overrides, then the command
 * line's; checks everything and fails once with every problem. Unknown {@code TRAILHOUND_*} variables are returned
 * as warnings, not errors.
 */
public final class ServiceConfigLoader {
    /** Variables the service or its tooling reads that are not configuration keys. */
    static final Set<String> OTHER_VARIABLES = Set.of("TRAILHOUND_ADMIN_PASSWORD", "TRAILHOUND_ADMIN_TOKEN",
            "TRAILHOUND_JAVA_OPTS", "TRAILHOUND_TEST_POSTGRES_URL", "TRAILHOUND_TEST_POSTGRES_USER",
            "TRAILHOUND_TEST_POSTGRES_PASSWORD");

    private final Map<String, String> environment;
    private final List<String> warnings = new ArrayList<>();

    public ServiceConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param file      the YAML file, or null for defaults and environment only
     * @param overrides values from command-line flags
     * @throws InvalidConfig listing every problem
     */
    public ServiceConfig load(Path file, Map<ConfigKey, String> overrides) {
        List<String> errors = new ArrayList<>();
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.defaultValue);
        }
        if (file != null) {
            readFile(file, values, errors);
        }
        Set<String> known = new TreeSet<>(OTHER_VARIABLES);
        for (ConfigKey key : ConfigKey.values()) {
            known.add(key.environmentName());
            String v = environment.get(key.environmentName());
            if (v != null) {
                values.put(key, v);
            }
        }
        environment.keySet().stream().filter(n -> n.startsWith("TRAILHOUND_") && !known.contains(n)).sorted()
                .forEach(n -> warnings.add("environment variable " + n + " is not a Trailhound setting (ignored)"));
        values.putAll(overrides);
        ServiceConfig config = build(values, errors);
        if (!errors.isEmpty()) {
            throw new InvalidConfig(errors);
        }
        return config;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static void readFile(Path file, Map<ConfigKey, String> values, List<String> errors) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            errors.add(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": not YAML: "
                    + e.getOriginalMessage());
            return;
        } catch (IOException e) {
            errors.add(file + ": cannot be read: " + e.getMessage());
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            errors.add(file + ": expected a map of settings at the top");
            return;
        }
        flatten(file, "", root, values, errors);
    }

    private static void flatten(Path file, String prefix, JsonNode node, Map<ConfigKey, String> values, List<String> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(file, path, value, values, errors);
                continue;
            }
            ConfigKey key = keyOf(path);
            if (key == null) {
                errors.add(file + ": unknown setting '" + path + "' (config.example.yml lists every setting)");
            } else if (value.isArray() && key == ConfigKey.INGEST_DIRECTORIES) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                values.put(key, String.join(",", items));
            } else if (value.isContainerNode()) {
                errors.add(file + ": " + path + ": expected a single value, not a list");
            } else {
                values.put(key, value.isNull() ? "" : value.asText());
            }
        }
    }

    private static ConfigKey keyOf(String path) {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.path.equals(path)) {
                return key;
            }
        }
        return null;
    }

    private ServiceConfig build(Map<ConfigKey, String> v, List<String> errors) {
        String host = v.get(ConfigKey.HTTP_HOST).trim();
        if (host.isEmpty()) {
            errors.add("http.host: must not be empty (127.0.0.1 listens on this machine only)");
        }
        int port = (int) number(ConfigKey.HTTP_PORT, v, 0, 65_535, errors);
        long maxBody = number(ConfigKey.HTTP_MAX_BODY_BYTES, v, 1024, 2L << 30, errors);
        String publicUrl = v.get(ConfigKey.HTTP_PUBLIC_URL).trim();
        if (publicUrl.isEmpty()) {
            publicUrl = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port;
        } else if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            errors.add("http.publicUrl: must start with http:// or https://, was '" + publicUrl + "'");
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        Path dataDir = Path.of(v.get(ConfigKey.DATA_DIR).trim().isEmpty() ? "trailhound-data" : v.get(ConfigKey.DATA_DIR).trim());
        int pool = (int) number(ConfigKey.DATABASE_MAX_POOL_SIZE, v, 1, 200, errors);
        double learning = 0;
        try {
            learning = Double.parseDouble(v.get(ConfigKey.DETECTION_LEARNING_DAYS).trim());
            if (!(learning >= 0 && learning <= 365)) {
                errors.add("detection.learningDays: must be between 0 and 365, was " + learning);
            }
        } catch (NumberFormatException e) {
            errors.add("detection.learningDays: not a number: '" + v.get(ConfigKey.DETECTION_LEARNING_DAYS) + "'");
        }
        long releaseAfter = number(ConfigKey.DETECTION_RELEASE_AFTER_MILLIS, v, 10, 600_000, errors);
        long maxHold = number(ConfigKey.DETECTION_MAX_HOLD_MILLIS, v, 10, 3_600_000, errors);
        long idle = number(ConfigKey.AUTH_SESSION_IDLE_MINUTES, v, 1, 60L * 24 * 30, errors);
        long poll = number(ConfigKey.INGEST_POLL_MILLIS, v, 100, 3_600_000, errors);
        long retentionDays = number(ConfigKey.RETENTION_EVENT_DAYS, v, 0, 36_500, errors);
        List<Path> directories = new ArrayList<>();
        for (String d : v.get(ConfigKey.INGEST_DIRECTORIES).split(",")) {
            if (!d.isBlank()) {
                Path dir = Path.of(d.trim());
                if (!Files.isDirectory(dir)) {
                    errors.add("ingest.directories: " + dir + " is not a directory");
                }
                directories.add(dir);
            }
        }

        String url = v.get(ConfigKey.DATABASE_URL).trim();
        String user = v.get(ConfigKey.DATABASE_USER).trim();
        String passwordEnv = v.get(ConfigKey.DATABASE_PASSWORD_ENV).trim();
        String passwordFile = v.get(ConfigKey.DATABASE_PASSWORD_FILE).trim();
        String password = "";
        String passwordSource = "(none)";
        if (!passwordEnv.isEmpty() && !passwordFile.isEmpty()) {
            errors.add("database: give the password by passwordEnv or by passwordFile, not both");
        } else if (!passwordEnv.isEmpty()) {
            password = environment.get(passwordEnv);
            passwordSource = "(from environment variable " + passwordEnv + ")";
            if (password == null) {
                errors.add("database.passwordEnv: environment variable " + passwordEnv + " is not set");
                password = "";
            }
        } else if (!passwordFile.isEmpty()) {
            passwordSource = "(from file " + passwordFile + ")";
            try {
                password = Files.readString(Path.of(passwordFile)).strip();
            } catch (IOException e) {
                errors.add("database.passwordFile: cannot read " + passwordFile + ": " + e.getMessage());
            }
        }
        DatabaseSettings database;
        if (url.isEmpty()) {
            database = DatabaseSettings.embedded(dataDir);
            passwordSource = "(embedded database)";
        } else {
            if (!url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:h2:")) {
                errors.add("database.url: expected jdbc:postgresql://HOST:PORT/DATABASE (or jdbc:h2:...), was '" + url + "'");
            }
            database = new DatabaseSettings(url, user, password, Math.max(1, pool));
        }
        return new ServiceConfig(host, port, publicUrl, maxBody, dataDir, database, passwordSource, learning,
                Duration.ofMillis(releaseAfter), Duration.ofMillis(maxHold), Duration.ofMinutes(idle), directories,
                Duration.ofMillis(poll), Duration.ofDays(retentionDays));
    }

    private static long number(ConfigKey key, Map<ConfigKey, String> v, long min, long max, List<String> errors) {
        String text = v.get(key).trim();
        try {
            long n = Long.parseLong(text);
            if (n < min || n > max) {
                errors.add(key.path + ": must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(key.path + ": not a whole number: '" + text + "' (" + key.environmentName() + " overrides it)");
            return min;
        }
    }

    /** The configuration has problems; the message lists every one. */
    public static final class InvalidConfig extends RuntimeException {
        private final List<String> problems;

        InvalidConfig(List<String> problems) {
            super("the configuration has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
                    + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
