package dev.trailhound.app.serve;

import java.util.Locale;

/**
 * Every key of the service's configuration file, with its environment override ({@code TRAILHOUND_} and the path in
 * upper snake case) and default. {@code config.example.yml} documents each one (a test checks it).
 */
enum ConfigKey {
    HTTP_HOST("http.host", "127.0.0.1"),
    HTTP_PORT("http.port", "8080"),
    HTTP_PUBLIC_URL("http.publicUrl", ""),
    HTTP_MAX_BODY_BYTES("http.maxBodyBytes", "67108864"),
    DATA_DIR("dataDir", "trailhound-data"),
    DATABASE_URL("database.url", ""),
    DATABASE_USER("database.user", ""),
    DATABASE_PASSWORD_ENV("database.passwordEnv", ""),
    DATABASE_PASSWORD_FILE("database.passwordFile", ""),
    DATABASE_MAX_POOL_SIZE("database.maxPoolSize", "8"),
    DETECTION_LEARNING_DAYS("detection.learningDays", "7"),
    DETECTION_RELEASE_AFTER_MILLIS("detection.releaseAfterMillis", "1000"),
    DETECTION_MAX_HOLD_MILLIS("detection.maxHoldMillis", "30000"),
    INGEST_DIRECTORIES("ingest.directories", ""),
    INGEST_POLL_MILLIS("ingest.pollMillis", "5000"),
    RETENTION_EVENT_DAYS("retention.eventDays", "30"),
    AUTH_SESSION_IDLE_MINUTES("auth.sessionIdleMinutes", "720");

    final String path;
    final String defaultValue;

    ConfigKey(String path, String defaultValue) {
        this.path = path;
        this.defaultValue = defaultValue;
    }

    /** TRAILHOUND_ and the path in upper snake case: http.maxBodyBytes is TRAILHOUND_HTTP_MAX_BODY_BYTES. */
    String environmentName() {
        return "TRAILHOUND_" + path.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
