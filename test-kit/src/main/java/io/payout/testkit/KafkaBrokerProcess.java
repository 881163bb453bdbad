package io.payout.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A Kafka broker (KRaft, broker and controller in one node) in its own JVM, run by {@link KafkaServerMain} on this
 * JVM's class path, with a fixed port and a data folder kept across {@link #stop()}/{@link #kill()} and
 * {@link #start()}: a test can take the broker away from running services and bring it back with every record.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private Process process;
    private Thread killOnExit;

    private KafkaBrokerProcess(Path dataDir, Path logFile, int port, int controllerPort, String heap) {
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    /** Starts a broker on free ports with its data in {@code dataDir}, output appended to {@code logFile}. */
    public static KafkaBrokerProcess start(Path dataDir, Path logFile, String heap) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir.toAbsolutePath(), logFile, ServiceLaunch.freePort(),
                ServiceLaunch.freePort(), heap);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the broker (again, on the same port and data) and waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        // C1 only: a test broker's traffic is light, and compiling less leaves the CPU to the services under test
        List<String> command = List.of(ServiceProcess.javaCommand(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"), KafkaServerMain.class.getName(),
                dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
        Process started = process;
        killOnExit = new Thread(started::destroyForcibly, "kill-kafka");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited at start-up; see " + logFile);
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes()
                            .get(6, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not answer within " + READY_TIMEOUT
                            + "; see " + logFile);
                }
                ServiceProcess.sleep(250);
            }
        }
    }

    /** A controlled shutdown (SIGTERM): the broker closes its logs cleanly. Forced after a minute. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessStops.graceful(process, STOP_TIMEOUT);
        forget();
    }

    /** {@code kill -9}: the broker recovers its logs at the next start. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        ProcessStops.forced(process, Duration.ofSeconds(30));
        forget();
    }

    private void forget() {
        ProcessStops.forgetHook(killOnExit);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
