package io.payout.bench;

import io.payout.testkit.ProcessStops;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One broker of the benchmarks' Kafka cluster as its own JVM ({@link ClusterBrokerMain}), on fixed ports and a data
 * folder kept across {@link #kill()} and {@link #start()}. Its CPU, JIT and peak memory count every incarnation, so a
 * broker killed and started again during a run is measured like one that ran throughout.
 */
final class ClusterBroker {

    /** As the services: the parallel collector, its pauses logged (the peak heap). */
    static final String XMX = "512m";
    private static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final int nodeId;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final String voters;
    private final String clusterId;
    private Process process;
    private Thread killOnExit;
    private int incarnation;
    /** CPU, compiler-thread CPU and peak RSS of the incarnations that ended. */
    private long endedTicks;
    private long endedJitTicks;
    private long endedPeakRss;

    ClusterBroker(int nodeId, Path dataDir, Path logFile, int port, int controllerPort, String voters,
                  String clusterId) {
        this.nodeId = nodeId;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.clusterId = clusterId;
    }

    String name() {
        return "kafka-" + nodeId;
    }

    int nodeId() {
        return nodeId;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** {@code <id>@127.0.0.1:<controller port>}, this node's entry in {@code controller.quorum.voters}. */
    static String voter(int nodeId, int controllerPort) {
        return nodeId + "@127.0.0.1:" + controllerPort;
    }

    /** Starts the JVM (again, on the same ports and data); the cluster waits until it answers. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name() + " is running");
        }
        incarnation++;
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx" + XMX, "-XX:+UseParallelGC",
                "-Xlog:gc:file=" + gcLog(incarnation), "-Duser.timezone=UTC"));
        command.addAll(mainOf(ClusterBrokerMain.class));
        command.addAll(List.of(Integer.toString(nodeId), dataDir.toString(), Integer.toString(port),
                Integer.toString(controllerPort), voters, clusterId));
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name(), e);
        }
        killOnExit = new Thread(process::destroyForcibly, "kill-" + name());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * The JVM's arguments that run {@code main}: from this harness's class path, or, when the harness runs from its
     * Spring Boot exec jar (whose classes are nested in it), through Boot's launcher with {@code loader.main}.
     */
    static List<String> mainOf(Class<?> main) {
        String classPath = System.getProperty("java.class.path");
        boolean execJar = !classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar");
        return execJar ? List.of("-Dloader.main=" + main.getName(), "-cp", classPath, LAUNCHER)
                : List.of("-cp", classPath, main.getName());
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code kill -9}: no controlled shutdown; the broker recovers its logs at the next start. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        endedTicks += JitCompilers.statTicks(stat());
        endedJitTicks += JitCompilers.compilerTicks(process.pid());
        endedPeakRss = Math.max(endedPeakRss, currentPeakRss());
        ProcessStops.forced(process, Duration.ofSeconds(30));
        forget();
    }

    /** A controlled shutdown (SIGTERM), forced after 20 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessStops.graceful(process, Duration.ofSeconds(20));
        forget();
    }

    private void forget() {
        ProcessStops.forgetHook(killOnExit);
        process = null;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The running incarnation's pid, or -1 while it is down. */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** utime + stime of every incarnation so far, in clock ticks. */
    synchronized long cpuTicks() {
        return endedTicks + (process == null ? 0 : JitCompilers.statTicks(stat()));
    }

    /** The part of {@link #cpuTicks()} its JIT compiler threads used. */
    synchronized long jitTicks() {
        return endedJitTicks + (process == null ? 0 : JitCompilers.compilerTicks(process.pid()));
    }

    /** Peak resident set (VmHWM) of any incarnation, in bytes. */
    synchronized long peakRssBytes() {
        return Math.max(endedPeakRss, process == null ? 0 : currentPeakRss());
    }

    /** The fullest heap before a collection of any incarnation (from their GC logs), or -1. */
    long peakHeapBytes() {
        long peak = -1;
        try (Stream<Path> logs = Files.list(logFile.getParent())) {
            for (Path gc : logs.filter(p -> p.getFileName().toString().startsWith(logFile.getFileName() + ".gc"))
                    .toList()) {
                peak = Math.max(peak, ServiceProcess.heapBeforeCollections(Files.readString(gc)));
            }
        } catch (IOException e) {
            // no log, no figure
        }
        return peak;
    }

    private Path gcLog(int n) {
        return logFile.resolveSibling(logFile.getFileName() + ".gc." + n);
    }

    private Path stat() {
        return Path.of("/proc", Long.toString(process.pid()), "stat");
    }

    private long currentPeakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return 0;
    }
}
