package dev.trailhound.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The event shapes the simulator can write, loaded from {@code api-catalogue.tsv}: one line per API variant,
 * tab-separated: key, flags, then {@code field=template} cells. Flags: R read-only, D data event, E service
 * event, C console sign-in, G global service (logged in us-east-1), K keep the response when the call fails.
 * Fields: request, response, additional, resources, details, version, missing ({@code Code|message}) and
 * companion ({@code key@probability}: an event a service emits on the caller's behalf, like KMS Decrypt).
 */
final class ApiCatalogue {
    private static final String RESOURCE = "api-catalogue.tsv";
    private final Map<String, Api> byKey = new HashMap<>();
    private final Vocabulary vocabulary;

    private ApiCatalogue(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    static ApiCatalogue load(Vocabulary vocabulary) {
        ApiCatalogue catalogue = new ApiCatalogue(vocabulary);
        try (InputStream in = ApiCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    Api api = catalogue.parse(line);
                    if (catalogue.byKey.put(api.key(), api) != null) {
                        throw new IllegalArgumentException("duplicate key " + api.key());
                    }
                } catch (RuntimeException e) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catalogue.checkCompanions();
        return catalogue;
    }

    Api api(String key) {
        Api api = byKey.get(key);
        if (api == null) {
            throw new IllegalArgumentException("no API " + key + " in " + RESOURCE);
        }
        return api;
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }

    Api companionOf(Api api) {
        return api.companionKey() == null ? null : byKey.get(api.companionKey());
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    private Api parse(String line) {
        String[] cells = line.split("\t");
        if (cells.length < 2) {
            throw new IllegalArgumentException("expected key, flags and fields separated by tabs");
        }
        String key = cells[0].trim();
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("key must look like service:EventName: " + key);
        }
        String service = key.substring(0, colon);
        int tilde = key.indexOf('~');
        String eventName = key.substring(colon + 1, tilde < 0 ? key.length() : tilde);
        String flags = cells[1].trim();
        Map<String, String> fields = new HashMap<>();
        for (int i = 2; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (cell.isEmpty()) {
                continue;
            }
            int eq = cell.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("field must be name=value: " + cell);
            }
            fields.put(cell.substring(0, eq), cell.substring(eq + 1));
        }
        for (String name : fields.keySet()) {
            if (!java.util.Set.of("request", "response", "additional", "resources", "details", "version",
                    "missing", "companion").contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
        }
        String missing = fields.get("missing");
        String missingCode = null;
        Template missingMessage = null;
        if (missing != null) {
            int bar = missing.indexOf('|');
            missingCode = missing.substring(0, bar);
            missingMessage = Template.compile(missing.substring(bar + 1), vocabulary);
        }
        String companion = fields.get("companion");
        String companionKey = null;
        double companionProbability = 0;
        if (companion != null) {
            int at = companion.indexOf('@');
            companionKey = companion.substring(0, at);
            companionProbability = Double.parseDouble(companion.substring(at + 1));
        }
        return new Api(key, service, eventName, flags.contains("R"), flags.contains("D"), flags.contains("E"),
                flags.contains("C"), flags.contains("G"), flags.contains("K"),
                fields.getOrDefault("version", defaultVersion(service)),
                template(fields.getOrDefault("request", "null")),
                template(fields.getOrDefault("response", "null")),
                optional(fields.get("additional")), optional(fields.get("resources")), optional(fields.get("details")),
                missingCode, missingMessage, companionKey, companionProbability, iamAction(service, eventName),
                cliCommand(service, eventName));
    }

    private static String iamAction(String service, String eventName) {
        String prefix = service.equals("monitoring") ? "cloudwatch" : service;
        return prefix + ":" + unversioned(eventName);
    }

    private static String cliCommand(String service, String eventName) {
        String cli = switch (service) {
            case "s3" -> "s3api";
            case "monitoring" -> "cloudwatch";
            case "elasticloadbalancing" -> "elbv2";
            default -> service;
        };
        return cli + "." + kebab(unversioned(eventName));
    }

    /** Lambda's event names carry API versions: ListFunctions20150331, UpdateFunctionCode20150331v2. */
    private static String unversioned(String name) {
        return name.replaceAll("\\d{8}(v\\d)?$", "");
    }

    private static String kebab(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c) && (!Character.isUpperCase(name.charAt(i - 1))
                    || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))));
            if (boundary) {
                sb.append('-');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private void checkCompanions() {
        for (Api api : byKey.values()) {
            if (api.companionKey() != null && !byKey.containsKey(api.companionKey())) {
                throw new IllegalStateException(api.key() + " names unknown companion " + api.companionKey());
            }
        }
    }

    private Template template(String text) {
        return Template.compile(text, vocabulary);
    }

    private Template optional(String text) {
        return text == null ? null : template(text);
    }

    /** CloudTrail's record version differs by service; these are the versions each service writes today. */
    private static String defaultVersion(String service) {
        return switch (service) {
            case "signin", "sso", "sts", "ssm", "lambda", "rds", "kms", "logs", "organizations" -> "1.08";
            case "cloudtrail", "bedrock", "s3" -> "1.10";
            default -> "1.09";
        };
    }
}
