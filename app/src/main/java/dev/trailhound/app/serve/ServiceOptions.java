package dev.trailhound.app.serve;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags {@code serve} and {@code demo} share: the configuration file and the settings worth a flag of their own. */
public final class ServiceOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (config.example.yml documents every key).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (http.port; default 8080).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (http.host; default 127.0.0.1).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded database lives (dataDir).")
    Path dataDir;

    /** The flags given, as configuration values that win over file and environment. */
    Map<ConfigKey, String> overrides() {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (port != null) {
            overrides.put(ConfigKey.HTTP_PORT, port.toString());
        }
        if (host != null) {
            overrides.put(ConfigKey.HTTP_HOST, host);
        }
        if (dataDir != null) {
            overrides.put(ConfigKey.DATA_DIR, dataDir.toString());
        }
        return overrides;
    }
}
