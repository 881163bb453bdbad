package io.payout.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited tmpfs that holds the suite's database (its tablespace), so that the disk can fill up under a
 * running PostgreSQL: a ballast file written into the mount takes every free byte, and each write that needs a new
 * page fails with SQLSTATE 53100 (disk full). PostgreSQL's WAL stays in its data folder, not on the tmpfs, so the
 * server keeps running; deleting the ballast gives the space back. Mounting needs root: where it is refused, the
 * suite fails with the reason, since skipping would pass a run that never met the fault.
 */
final class TmpfsTablespace implements AutoCloseable {

    /** PostgreSQL drops privileges to this user when the JVM runs as root (test-kit PostgresCluster). */
    private static final String SERVER_USER = "nobody:nogroup";
    private static final String NAME = "reliability_space";
    private static final int CHUNK = 1 << 20;

    private final Path mount;
    private final Path ballast;
    private final Thread unmountOnExit;

    private TmpfsTablespace(Path mount) {
        this.mount = mount;
        this.ballast = mount.resolve("ballast");
        // a run that dies half-way must not leave a mount (and its memory) behind
        this.unmountOnExit = new Thread(() -> run("umount", "-l", mount.toString()), "unmount-" + mount);
        Runtime.getRuntime().addShutdownHook(unmountOnExit);
    }

    /**
     * Mounts a tmpfs of {@code size} (e.g. {@code 96m}) at a new folder of its own. Not under the suite's work
     * folder: that one is root's alone (it holds the keys), and the server, running as nobody, must reach the mount.
     */
    static TmpfsTablespace mount(String size) {
        if (!"0".equals(run("id", "-u").strip())) {
            throw new IllegalStateException("the disk-full fault mounts a tmpfs for PostgreSQL's tables, which needs "
                    + "root; this JVM runs as uid " + run("id", "-u").strip());
        }
        Path mount;
        try {
            mount = Files.createTempDirectory("payout-reliability-pgspace-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String refused = runChecked("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
                mount.toString());
        if (refused != null) {
            throw new IllegalStateException("cannot mount a tmpfs at " + mount + " for the disk-full fault: "
                    + refused);
        }
        TmpfsTablespace space = new TmpfsTablespace(mount);
        String notHanded = runChecked("chown", SERVER_USER, mount.toString());
        if (notHanded != null) {
            space.close();
            throw new IllegalStateException("cannot hand " + mount + " to PostgreSQL's user: " + notHanded);
        }
        return space;
    }

    /** Creates the tablespace on the mount and {@code database} in it (its tables, indexes and catalog). */
    String createDatabase(String adminJdbcUrl, String user, String database) {
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create tablespace " + NAME + " location '" + mount + "'");
            statement.execute("create database " + database + " tablespace " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on the tmpfs " + mount, e);
        }
        return adminJdbcUrl.substring(0, adminJdbcUrl.lastIndexOf('/') + 1) + database;
    }

    /**
     * Writes ballast until the tmpfs has no byte left (again after PostgreSQL freed some, e.g. by truncating a table):
     * 1 MiB at a time, then 4 KiB for the last pages. Returns the bytes added.
     */
    long fill() {
        long written = 0;
        try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int chunk : new int[] {CHUNK, 4096}) {
                byte[] bytes = new byte[chunk];
                while (true) {
                    try {
                        out.write(bytes);
                        out.flush();
                        written += chunk;
                    } catch (IOException full) {
                        break; // ENOSPC: this chunk size no longer fits
                    }
                }
            }
        } catch (IOException e) {
            // the stream's close may report the last failed write again: the tmpfs is full either way
        }
        return written;
    }

    /** Deletes the ballast: the space is PostgreSQL's again. */
    void release() {
        try {
            Files.deleteIfExists(ballast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the ballast " + ballast, e);
        }
    }

    /** Bytes in use on the tmpfs (PostgreSQL's files and any ballast). */
    long usedBytes() {
        try {
            var store = Files.getFileStore(mount);
            return store.getTotalSpace() - store.getUnallocatedSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path mount() {
        return mount;
    }

    /** Unmounts (after PostgreSQL stopped; lazily if something still holds it) and deletes the mount folder. */
    @Override
    public void close() {
        if (runChecked("umount", mount.toString()) != null) {
            run("umount", "-l", mount.toString());
        }
        try {
            Files.deleteIfExists(mount);
            Runtime.getRuntime().removeShutdownHook(unmountOnExit);
        } catch (IOException | IllegalStateException e) {
            // still busy, or the JVM is shutting down: the hook or the next boot clears it
        }
    }

    /** Null when the command succeeded, else its exit code and output. */
    private static String runChecked(String... command) {
        List<String> output = new ArrayList<>();
        int exit = run(output, command);
        return exit == 0 ? null : "exit " + exit + ": " + String.join("", output).strip();
    }

    private static String run(String... command) {
        List<String> output = new ArrayList<>();
        run(output, command);
        return String.join("", output);
    }

    private static int run(List<String> output, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            output.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            output.add(e.toString());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
