package io.payout.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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

    private final PostgresCluster cluster;
    private final int port;
    private final boolean durable;
    private final boolean deleteOnClose;
    private final List<String> settings;
    private final PostgresDatabases databases;
    private volatile boolean running;
    /** Stops the server when this JVM is gone (kept-data servers only); its stdin is the pipe it watches. */
    private Process watchdog;

    private PostgresServer(PostgresCluster cluster, int port, boolean durable, boolean deleteOnClose,
                           List<String> settings) {
        this.cluster = cluster;
        this.port = port;
        this.durable = durable;
        this.deleteOnClose = deleteOnClose;
        this.settings = List.copyOf(settings);
        this.databases = new PostgresDatabases(jdbcUrl("postgres"), PostgresCluster.SUPERUSER);
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
     * A server on a data folder kept between runs (the local stack). {@code durable} keeps fsync on. An existing
     * cluster in {@code dataDir} is reused, and a server a killed process left running on it is stopped first
     * ({@link #stopLeftover}). The server lives no longer than this JVM, however the JVM ends: a watchdog process
     * stops it when the JVM is gone, so a kill -9 leaves no server behind holding the folder and the port.
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable, boolean deleteOnClose) {
        PostgresCluster cluster = new PostgresCluster(PostgresBinaries.unpack(), dataDir.toAbsolutePath());
        LeftoverServer.stop(cluster);
        PostgresServer server = new PostgresServer(cluster, port, durable, deleteOnClose, List.of());
        cluster.initIfMissing();
        server.watchdog = cluster.watchdog();
        server.startServer();
        return server;
    }

    /**
     * Stops a server that a killed process left running on {@code dataDir} (its postmaster.pid names a live postgres
     * on that folder) and returns its process id; empty when there was none. A stale postmaster.pid is removed.
     */
    public static OptionalLong stopLeftover(Path dataDir) {
        return LeftoverServer.stop(new PostgresCluster(PostgresBinaries.unpack(), dataDir.toAbsolutePath()));
    }

    private static PostgresServer start(Path dataDir, int port, boolean durable, boolean deleteOnClose,
                                        List<String> settings) {
        PostgresCluster cluster = new PostgresCluster(PostgresBinaries.unpack(), dataDir.toAbsolutePath());
        PostgresServer server = new PostgresServer(cluster, port, durable, deleteOnClose, settings);
        cluster.initIfMissing();
        server.startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        return server;
    }

    public int port() {
        return port;
    }

    public String username() {
        return PostgresCluster.SUPERUSER;
    }

    /** The server's own log (pg_ctl -l), e.g. for a test that checks what reached the logs. */
    public Path serverLog() {
        return cluster.serverLog();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database (if missing) and returns its JDBC URL. */
    public String createDatabase(String name) {
        databases.createIfMissing(name);
        return jdbcUrl(name);
    }

    /** Drops a database, disconnecting whoever is still connected to it. */
    public void dropDatabase(String name) {
        databases.drop(name);
    }

    /** Stops the server, keeping its data; {@link #restart()} brings it back on the same port. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        cluster.stop();
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
        if (watchdog != null) {
            // Already stopped: the watchdog's own stop finds nothing to do, and it exits.
            try {
                watchdog.getOutputStream().close();
            } catch (IOException e) {
                watchdog.destroy();
            }
            watchdog = null;
        }
        if (deleteOnClose) {
            Folders.deleteRecursively(cluster.dataDir());
        }
    }

    private synchronized void startServer() {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-h", "127.0.0.1",
                "-c", "unix_socket_directories=" + cluster.dataDir(), "-c", "max_connections=300",
                "-c", "shared_buffers=128MB"));
        if (!durable) {
            // Tests want speed, not crash safety of the test database.
            options.addAll(List.of("-F", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        for (String setting : settings) {
            options.addAll(List.of("-c", setting)); // later settings win, so these override the ones above
        }
        cluster.start(options);
        running = true;
        log.info("PostgreSQL 17 listening on 127.0.0.1:{} (data {})", port, cluster.dataDir());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
