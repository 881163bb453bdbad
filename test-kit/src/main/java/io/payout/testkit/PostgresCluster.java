package io.payout.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL data folder and the initdb and pg_ctl runs that act on it.
 *
 * <p>initdb, pg_ctl and postgres refuse to run as root, and our CI runs as root: when the JVM is root, every command
 * runs as {@code nobody} and the data folder is handed to that user first.
 */
final class PostgresCluster {

    static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path binaries;
    private final Path dataDir;

    PostgresCluster(Path binaries, Path dataDir) {
        this.binaries = binaries;
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }

    Path serverLog() {
        return dataDir.resolve("server.log");
    }

    /** Leaves an existing cluster alone so that a data folder kept between runs keeps its data. */
    void initIfMissing() {
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

    /** Returns once the server accepts connections; {@code options} are handed to postgres as they are. */
    void start(List<String> options) {
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", serverLog().toString(),
                "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "-o", String.join(" ", options), "start"),
                "pg_ctl start");
    }

    void stop() {
        run(stopCommand(), "pg_ctl stop");
    }

    /** Stops, without a word, whatever server runs on this folder; for a server that may already be gone. */
    void stopQuietly() {
        try {
            runAsServerUser(stopCommand()).waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("pg_ctl stop could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A watchdog that stops the server once this JVM is gone, however it went (kill -9 included): a shell reading
     * a pipe from this JVM, which the kernel closes when the JVM dies. Closing the returned process's stdin
     * does the same on purpose. It ignores the terminal's signals, because Ctrl-C reaches the whole process group
     * and the JVM's own shutdown stops the server in order, after the services that use it.
     */
    Process watchdog() {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "trap '' INT QUIT HUP; cat >/dev/null; exec \"$@\" >/dev/null 2>&1", "postgres-watchdog"));
        command.addAll(asServerUser(stopCommand()));
        try {
            return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PostgreSQL watchdog", e);
        }
    }

    private List<String> stopCommand() {
        return List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private static List<String> asServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (RunningUser.isRoot()) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        return full;
    }

    private static Process runAsServerUser(List<String> command) throws IOException {
        return new ProcessBuilder(asServerUser(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(asServerUser(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(START_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + output
                        + tail(serverLog()));
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

    /** pg_ctl's own output rarely says why the server failed; the end of the server log does. */
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
}
