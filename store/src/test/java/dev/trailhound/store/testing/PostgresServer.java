package dev.trailhound.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, one per test JVM, with no Docker and no network access.
 *
 * <p>If {@code TRAILHOUND_TEST_POSTGRES_URL} (plus {@code _USER} and {@code _PASSWORD}) names an admin database
 * of a running server, that server is used. Otherwise this class finds the PostgreSQL server binaries
 * ({@code /usr/lib/postgresql/<highest>/bin}, then {@code pg_config --bindir}, then {@code PATH}), runs
 * {@code initdb} into a fresh temporary directory and starts the cluster on 127.0.0.1 and a free port with
 * durability switched off for speed. A shutdown hook stops it ({@code pg_ctl stop -m immediate}) and deletes the
 * directory; a later run also removes clusters whose JVM was killed before its hook ran. PostgreSQL refuses to
 * run as root, so when the JVM runs as root the server commands run as the {@code postgres} OS user.
 *
 * <p>Each test takes its own empty database from {@link #newDatabase(String)}, so tests never see each other's
 * rows and need no cleanup.
 */
public final class PostgresServer {

    static final String URL_ENV = "TRAILHOUND_TEST_POSTGRES_URL";
    static final String USER_ENV = "TRAILHOUND_TEST_POSTGRES_USER";
    static final String PASSWORD_ENV = "TRAILHOUND_TEST_POSTGRES_PASSWORD";

    private static final String NOT_FOUND = "PostgreSQL tests need a PostgreSQL server: install one (Debian: apt-get"
            + " install postgresql; .ci/run does this) or set " + URL_ENV + "/_USER/_PASSWORD";
    private static final String DIR_PREFIX = "trailhound-pg-";
    private static final String SUPERUSER = "trailhound";
    private static final String OS_USER_WHEN_ROOT = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final int MAX_DATABASE_NAME = 63;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static PostgresServer shared;
    private static IllegalStateException startFailure;

    /** JDBC URL of a maintenance database (e.g. {@code postgres}) on which CREATE DATABASE runs. */
    private final String adminUrl;
    private final String user;
    private final String password;
    /** Databases created on an external server; dropped again at JVM exit. Our own cluster is just deleted. */
    private final List<String> createdOnExternalServer;
    private final AtomicInteger counter = new AtomicInteger();

    private PostgresServer(String adminUrl, String user, String password, boolean external) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.createdOnExternalServer = external ? new ArrayList<>() : null;
    }

    /** The server for this JVM, started on first use. Throws {@link IllegalStateException} if there is none. */
    public static synchronized PostgresServer shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure != null) {
            // Don't retry a slow, failed start for every test; repeat the first failure instead.
            throw new IllegalStateException(startFailure.getMessage(), startFailure);
        }
        try {
            shared = start();
            return shared;
        } catch (IllegalStateException e) {
            startFailure = e;
            throw e;
        } catch (RuntimeException e) {
            startFailure = new IllegalStateException("Could not start PostgreSQL for the tests: " + e, e);
            throw startFailure;
        }
    }

    /**
     * Creates a new, empty database whose name is derived from {@code hint} and made unique, and returns its JDBC
     * URL. Connect with {@link #user()} and {@link #password()}.
     */
    public String newDatabase(String hint) {
        String name = databaseName(hint);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " via " + adminUrl + ": " + e, e);
        }
        if (createdOnExternalServer != null) {
            synchronized (createdOnExternalServer) {
                createdOnExternalServer.add(name);
            }
        }
        return withDatabase(adminUrl, name);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    // ---------------------------------------------------------------------------------------------- start-up

    private static PostgresServer start() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return external(url.strip());
        }
        return Cluster.start();
    }

    private static PostgresServer external(String url) {
        String user = Optional.ofNullable(System.getenv(USER_ENV)).filter(s -> !s.isBlank()).orElse("postgres");
        String password = Optional.ofNullable(System.getenv(PASSWORD_ENV)).orElse("");
        withDatabase(url, "probe"); // fail now, with a clear message, if the URL can't be rewritten
        PostgresServer server = new PostgresServer(url, user, password, true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreatedDatabases, "trailhound-pg-drop"));
        return server;
    }

    private void dropCreatedDatabases() {
        List<String> names;
        synchronized (createdOnExternalServer) {
            names = List.copyOf(createdOnExternalServer);
        }
        if (names.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                try {
                    statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                } catch (SQLException ignored) {
                    // best effort: a leftover test database is harmless
                }
            }
        } catch (SQLException ignored) {
            // best effort
        }
    }

    // ------------------------------------------------------------------------------------------------ naming

    String databaseName(String hint) {
        String base = (hint == null ? "" : hint).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        String suffix = "_" + counter.incrementAndGet() + "_" + HexFormat.of().formatHex(randomBytes(3));
        String prefix = "th_";
        int room = MAX_DATABASE_NAME - prefix.length() - suffix.length();
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return prefix + (base.isEmpty() ? "db" : base) + suffix;
    }

    /** {@code jdbc:postgresql://host:port/db?params} with {@code db} replaced by {@code name}. */
    static String withDatabase(String url, String name) {
        String scheme = "jdbc:postgresql://";
        if (!url.startsWith(scheme)) {
            throw new IllegalStateException(URL_ENV + " must look like jdbc:postgresql://host:port/postgres, was " + url);
        }
        String rest = url.substring(scheme.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String hostAndPath = query < 0 ? rest : rest.substring(0, query);
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        if (hosts.isEmpty()) {
            throw new IllegalStateException(URL_ENV + " must name a host: jdbc:postgresql://host:port/postgres, was " + url);
        }
        return scheme + hosts + "/" + name + params;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    // ----------------------------------------------------------------------------------------- own cluster

    /** A throwaway cluster in a temporary directory, run by this JVM's user or, when that is root, by postgres. */
    private static final class Cluster {

        private final Path binDir;
        private final Path baseDir;
        private final Path dataDir;
        private final boolean asPostgresUser;
        private volatile Process postmaster;

        private Cluster(Path binDir, Path baseDir, boolean asPostgresUser) {
            this.binDir = binDir;
            this.baseDir = baseDir;
            this.dataDir = baseDir.resolve("data");
            this.asPostgresUser = asPostgresUser;
        }

        static PostgresServer start() {
            Path binDir = findBinDir().orElseThrow(() -> new IllegalStateException(NOT_FOUND));
            boolean root = "root".equals(System.getProperty("user.name"));
            removeClustersOfDeadJvms(binDir, root);
            Path baseDir = createBaseDir(root);
            Cluster cluster = new Cluster(binDir, baseDir, root);
            // Registered before initdb so that a half-started cluster is cleaned up too.
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "trailhound-pg-stop"));
            String password = randomPassword();
            int port = cluster.initAndStart(password);
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, password, false);
        }

        private int initAndStart(String password) {
            try {
                Path pwfile = baseDir.resolve("pwfile");
                Files.writeString(pwfile, password + "\n");
                Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(baseDir.resolve("jvm.pid"), Long.toString(ProcessHandle.current().pid()));
                if (asPostgresUser) {
                    chownToPostgres(baseDir);
                    chownToPostgres(pwfile);
                }
                run("initdb", List.of(bin("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER,
                        "--pwfile=" + pwfile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=" + locale(),
                        "--no-sync"));
                Files.delete(pwfile);
                String socketDir = baseDir.toString();
                if (socketDir.length() + "/.s.PGSQL.65535".length() > 100) {
                    socketDir = ""; // too long for a Unix socket path; TCP is all the tests use
                }
                Files.writeString(dataDir.resolve("postgresql.conf"), String.join("\n",
                        "",
                        "# trailhound tests: local only, fast, not durable",
                        "listen_addresses = '127.0.0.1'",
                        "unix_socket_directories = '" + socketDir + "'",
                        "fsync = off",
                        "synchronous_commit = off",
                        "full_page_writes = off",
                        "max_connections = 200",
                        ""), java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare PostgreSQL cluster in " + baseDir, e);
            }
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                try {
                    startPostmaster(port, password);
                    return port;
                } catch (IllegalStateException e) {
                    last = e;
                    if (!e.getMessage().contains("could not bind") && !e.getMessage().contains("already in use")) {
                        break; // only a port taken in the meantime is worth another try
                    }
                }
            }
            throw last;
        }

        /**
         * Runs {@code postgres} as a child of this JVM (through runuser when root) rather than via {@code pg_ctl
         * start}: pg_ctl orphans the postmaster to PID 1, and where PID 1 doesn't reap orphans (many containers
         * and VMs) every stopped test server would stay behind as a zombie. As a child, it is reaped here.
         */
        private void startPostmaster(int port, String password) {
            Path log = baseDir.resolve("postgres.log");
            List<String> command = List.of(bin("postgres"), "-D", dataDir.toString(), "-p", Integer.toString(port));
            List<String> full = asPostgresUser ? asPostgres(command) : command;
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(full)
                        .directory(baseDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                cleanEnvironment(builder);
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not run " + String.join(" ", full) + ": " + e, e);
            }
            postmaster = process;
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", SUPERUSER);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", "5");
            props.setProperty("loginTimeout", "5");
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            SQLException lastError = null;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("PostgreSQL exited (exit code " + process.exitValue() + "): "
                            + String.join(" ", full) + "\n--- " + log + " ---\n" + readQuietly(log));
                }
                try (Connection ignored = DriverManager.getConnection(url, props)) {
                    return; // accepts connections
                } catch (SQLException e) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                        throw new IllegalStateException("PostgreSQL on " + url + " rejected the test superuser: "
                                + e + "\n--- " + log + " ---\n" + readQuietly(log), e);
                    }
                    lastError = e; // not up yet ("connection refused", "the database system is starting up")
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for PostgreSQL to start", e);
                }
            }
            throw new IllegalStateException("PostgreSQL did not accept connections within 60s on " + url + ": "
                    + lastError + "\n" + String.join(" ", full) + "\n--- " + log + " ---\n" + readQuietly(log));
        }

        /** Runs at JVM exit: stop the server at once (the data is throwaway) and delete the directory. */
        void stopAndDelete() {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                try {
                    run("pg_ctl stop", List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w",
                            "-t", "30", "stop"));
                } catch (RuntimeException e) {
                    // last resort: kill the postmaster named in postmaster.pid
                    try {
                        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    } catch (IOException | RuntimeException ignored) {
                        // nothing more to do at exit
                    }
                }
            }
            Process process = postmaster;
            if (process != null) {
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            deleteRecursively(baseDir);
        }

        private String bin(String name) {
            return binDir.resolve(name).toString();
        }

        private static String locale() {
            // C.UTF-8: Unicode-aware ctype with byte-order (deterministic) collation; plain C where it's missing.
            return Files.isDirectory(Path.of("/usr/lib/locale/C.utf8")) ? "C.UTF-8" : "C";
        }

        private void run(String what, List<String> command) {
            runAs(asPostgresUser, baseDir, what, command);
        }

        /** Runs a command (as postgres when asked), output to a file so background children can't hold a pipe. */
        private static void runAs(boolean asPostgresUser, Path workDir, String what, List<String> command) {
            List<String> full = asPostgresUser ? asPostgres(command) : command;
            Path output = null;
            try {
                output = Files.createTempFile("trailhound-pg-cmd", ".log");
                ProcessBuilder builder = new ProcessBuilder(full)
                        .directory(workDir.toFile()) // readable by postgres, unlike perhaps the JVM's working dir
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                cleanEnvironment(builder);
                Process process = builder.start();
                if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(what + " timed out after " + COMMAND_TIMEOUT_SECONDS
                            + "s: " + String.join(" ", full) + "\n" + readQuietly(output));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(what + " failed (exit code " + process.exitValue() + "): "
                            + String.join(" ", full) + "\n" + readQuietly(output));
                }
            } catch (IOException e) {
                throw new IllegalStateException(what + " could not run: " + String.join(" ", full) + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " interrupted: " + String.join(" ", full), e);
            } finally {
                if (output != null) {
                    try {
                        Files.deleteIfExists(output);
                    } catch (IOException ignored) {
                        // temp file
                    }
                }
            }
        }

        private static void cleanEnvironment(ProcessBuilder builder) {
            Stream.of("PGDATA", "PGPORT", "PGHOST", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGOPTIONS")
                    .forEach(builder.environment()::remove);
            builder.environment().put("LC_ALL", "C");
        }

        /** {@code runuser -u postgres -- cmd...}, or {@code su postgres -s /bin/sh -c 'cmd...'} without runuser. */
        private static List<String> asPostgres(List<String> command) {
            Optional<Path> runuser = Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")
                    .map(Path::of).filter(Files::isExecutable).findFirst()
                    .or(() -> onPath("runuser"));
            List<String> full = new ArrayList<>();
            if (runuser.isPresent()) {
                full.addAll(List.of(runuser.get().toString(), "-u", OS_USER_WHEN_ROOT, "--"));
                full.addAll(command);
            } else {
                StringBuilder script = new StringBuilder("exec");
                command.forEach(arg -> script.append(' ').append(shellQuote(arg)));
                full.addAll(List.of("su", OS_USER_WHEN_ROOT, "-s", "/bin/sh", "-c", script.toString()));
            }
            return full;
        }

        private static String shellQuote(String arg) {
            return "'" + arg.replace("'", "'\\''") + "'";
        }

        // ---------------------------------------------------------------------------------------- binaries

        static Optional<Path> findBinDir() {
            return debianBinDir().or(Cluster::pgConfigBinDir).or(() -> onPath("initdb").map(Cluster::realParent))
                    .filter(Cluster::hasServerBinaries);
        }

        private static Path realParent(Path program) {
            try {
                return program.toRealPath().getParent(); // e.g. /usr/bin/initdb -> /usr/lib/postgresql/N/bin
            } catch (IOException e) {
                return program.getParent();
            }
        }

        private static Optional<Path> debianBinDir() {
            Path root = Path.of("/usr/lib/postgresql");
            if (!Files.isDirectory(root)) {
                return Optional.empty();
            }
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(Cluster::hasServerBinaries)
                        .max(Comparator.comparing(bin -> versionOf(bin.getParent().getFileName().toString())));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** "15" → [15], "9.6" → [9, 6], compared element by element. */
        private static VersionKey versionOf(String name) {
            return new VersionKey(Stream.of(name.split("\\.")).mapToInt(part -> {
                try {
                    return Integer.parseInt(part.replaceAll("\\D.*", ""));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }).toArray());
        }

        private record VersionKey(int[] parts) implements Comparable<VersionKey> {
            @Override
            public int compareTo(VersionKey other) {
                return java.util.Arrays.compare(parts, other.parts);
            }
        }

        private static Optional<Path> pgConfigBinDir() {
            List<Path> candidates = new ArrayList<>();
            onPath("pg_config").ifPresent(candidates::add);
            candidates.add(Path.of("/usr/bin/pg_config"));
            for (Path pgConfig : candidates) {
                if (!Files.isExecutable(pgConfig)) {
                    continue;
                }
                try {
                    Process process = new ProcessBuilder(pgConfig.toString(), "--bindir")
                            .redirectErrorStream(true).start();
                    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                        Path dir = Path.of(out);
                        if (hasServerBinaries(dir)) {
                            return Optional.of(dir);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // try the next place
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        private static Optional<Path> onPath(String program) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            return Stream.of(path.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty())
                    .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
        }

        private static boolean hasServerBinaries(Path dir) {
            return Stream.of("initdb", "pg_ctl", "postgres").allMatch(name -> Files.isExecutable(dir.resolve(name)));
        }

        // ------------------------------------------------------------------------------- files and owners

        private static Path createBaseDir(boolean root) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            if (root && !traversableByOthers(tmp)) {
                tmp = Path.of("/tmp"); // postgres must be able to reach its data directory
            }
            try {
                return Files.createTempDirectory(tmp, DIR_PREFIX).toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a directory for PostgreSQL in " + tmp, e);
            }
        }

        private static boolean traversableByOthers(Path dir) {
            try {
                for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
                    if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                }
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }

        private static void chownToPostgres(Path path) {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            try {
                UserPrincipal owner = lookup.lookupPrincipalByName(OS_USER_WHEN_ROOT);
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(owner);
                try {
                    GroupPrincipal group = lookup.lookupPrincipalByGroupName(OS_USER_WHEN_ROOT);
                    view.setGroup(group);
                } catch (UserPrincipalNotFoundException noSuchGroup) {
                    // the owner is what matters
                }
            } catch (UserPrincipalNotFoundException e) {
                throw new IllegalStateException("PostgreSQL refuses to run as root, and there is no '"
                        + OS_USER_WHEN_ROOT + "' OS user to run it as (the Debian postgresql package creates one;"
                        + " or run the tests as a non-root user, or set " + URL_ENV + ")", e);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not hand " + path + " to the postgres user", e);
            }
        }

        private static String readQuietly(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return text.length() > 20_000 ? "..." + text.substring(text.length() - 20_000) : text;
            } catch (IOException | UncheckedIOException e) {
                return "(no output: " + e + ")";
            }
        }

        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // best effort
            }
        }

        /**
         * A JVM killed outright (kill -9, a surefire fork timeout) runs no shutdown hook, leaving its server
         * running. Each cluster directory records its JVM's pid; stop and delete those whose JVM is gone.
         */
        private static void removeClustersOfDeadJvms(Path binDir, boolean root) {
            Set<Path> tmps = new LinkedHashSet<>();
            for (String tmp : List.of(System.getProperty("java.io.tmpdir"), "/tmp")) {
                tmps.add(Path.of(tmp).toAbsolutePath().normalize());
            }
            for (Path tmp : tmps) {
                if (!Files.isDirectory(tmp)) {
                    continue;
                }
                try (Stream<Path> dirs = Files.list(tmp)) {
                    dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX))
                            .filter(d -> Files.isRegularFile(d.resolve("jvm.pid")))
                            .filter(Cluster::ownerJvmIsGone)
                            .forEach(d -> new Cluster(binDir, d, root).stopAndDelete());
                } catch (IOException | RuntimeException ignored) {
                    // best effort; never stop a test run over another run's leftovers
                }
            }
        }

        private static boolean ownerJvmIsGone(Path dir) {
            try {
                long pid = Long.parseLong(Files.readString(dir.resolve("jvm.pid")).strip());
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (IOException | NumberFormatException e) {
                return false;
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free TCP port on 127.0.0.1", e);
            }
        }
    }
}
