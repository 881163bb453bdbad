package io.payout.local;

import io.payout.testkit.ServiceLaunch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * {@code deploy/local/run} as the user runs it: the launcher in a JVM of its own (this test's class path), so a test
 * can kill it with SIGKILL, start a second one beside it, and read what it printed.
 */
final class LauncherProcess implements AutoCloseable {

    static final String READY = "Press Ctrl-C to stop.";

    /** The ports of one stack; the gateway's within 8000–9005, the only ones the launcher accepts. */
    record Ports(int kafka, int controller, int postgres, int sandbox, int gateway, int orchestrator) {

        static Ports free() {
            return new Ports(ServiceLaunch.freePort(), ServiceLaunch.freePort(), ServiceLaunch.freePort(),
                    ServiceLaunch.freePort(), freeGatewayPort(), ServiceLaunch.freePort());
        }

        List<String> options() {
            return List.of("--kafka-port", Integer.toString(kafka), "--kafka-controller-port",
                    Integer.toString(controller), "--postgres-port", Integer.toString(postgres), "--sandbox-port",
                    Integer.toString(sandbox), "--gateway-port", Integer.toString(gateway), "--orchestrator-port",
                    Integer.toString(orchestrator));
        }

        String bootstrapServers() {
            return "127.0.0.1:" + kafka;
        }

        String sandboxUrl() {
            return "http://127.0.0.1:" + sandbox;
        }

        private static int freeGatewayPort() {
            Random random = new Random();
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = 8000 + random.nextInt(1006);
                if (PortCheck.free(port)) {
                    return port;
                }
            }
            throw new IllegalStateException("no free port in 8000..9005");
        }
    }

    private final Process process;
    private final Path output;

    private LauncherProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code LocalStack --data <dataDir> <ports> <more>}; does not wait. Output goes to {@code output}. */
    static LauncherProcess start(Path dataDir, Ports ports, Path output, String... more) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-XX:+UseSerialGC",
                // C1 only: the services start sooner and leave the CPU to the rest of the build
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
                "-cp", System.getProperty("java.class.path"), LocalStack.class.getName(),
                "--data", dataDir.toString()));
        command.addAll(ports.options());
        command.addAll(List.of(more));
        try {
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            return new LauncherProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the launcher", e);
        }
    }

    void awaitReady(Duration timeout) {
        Awaitility.await("the launcher ready").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + output());
                    }
                    return output().contains(READY);
                });
    }

    /** The exit status, once the launcher has exited; fails when it still runs after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher still ran after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines of the output. */
    List<String> outputLines() {
        return output().lines().filter(line -> !line.isBlank()).toList();
    }

    /** kill -9: no shutdown hook, nothing closed; PostgreSQL and the broker's files are left as a crash leaves them. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ctrl-C's equivalent (SIGTERM): the launcher stops everything in order. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
