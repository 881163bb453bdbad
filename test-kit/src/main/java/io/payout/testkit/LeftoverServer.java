package io.payout.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server that a killed process left running on a data folder, found through its
 * {@code postmaster.pid}: stopped, so the next start gets the folder (and its port) back instead of pg_ctl's
 * "another server might be running" and a failed start.
 */
final class LeftoverServer {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private LeftoverServer() {
    }

    /** Stops the server left on {@code cluster}'s folder, if any, and returns its process id. */
    static OptionalLong stop(PostgresCluster cluster) {
        Path pidFile = cluster.dataDir().resolve("postmaster.pid");
        OptionalLong pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid.getAsLong())
                .filter(process -> servesFolder(process.pid(), cluster.dataDir()));
        try {
            if (server.isPresent()) {
                cluster.stopQuietly();
                if (!exited(server.get())) {
                    server.get().destroyForcibly();
                    exited(server.get());
                }
            }
            // Left by a server killed outright: its process id may belong to another process by now, which would
            // make pg_ctl warn and the server refuse to start.
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + pidFile, e);
        }
        return server.isPresent() ? pid : OptionalLong.empty();
    }

    private static OptionalLong pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A live postgres started on this very folder (pg_ctl passes -D): never some other process that got the id. */
    private static boolean servesFolder(long pid, Path dataDir) {
        try {
            String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
            return comm.equals("postgres") && args.contains(dataDir.toString());
        } catch (IOException gone) {
            return false;
        }
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
