package io.payout.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service in its own JVM, started from its exec jar (the benchmarks and the reliability suite), so its CPU time
 * and memory are its own and it can be killed like a real process: CPU from /proc/pid/stat (utime + stime), resident
 * peak from /proc/pid/status (VmHWM), peak heap from its GC log (the heap is fullest just before a collection) and one
 * scrape of /actuator/prometheus at the end. Sampling the heap by scraping every second would cost the services
 * measurable CPU (a full Prometheus rendering each time), so nothing scrapes periodically.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The JVM options the benchmarks measured with; callers may pass others (after -Xmx). */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseParallelGC");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern HEAP = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String baseUrl;
    private final String xmx;
    private final Path logFile;
    private final Process process;
    private final Thread killOnExit;
    private final Path gcLog;

    private ServiceProcess(String name, String baseUrl, String xmx, Path logFile, Path gcLog, Process process) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.xmx = xmx;
        this.logFile = logFile;
        this.process = process;
        // a test that dies half-way must not leave service JVMs behind
        this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code java -Xmx<xmx> -XX:+UseParallelGC -jar <jar> --server.port=<port> --k=v...}, waits until healthy
     * and logs its collections to {@code <logFile>.gc} (the benchmarks' peak heap).
     */
    public static ServiceProcess start(String name, Path jar, String xmx, int port, Map<String, Object> properties,
                                       Path logFile) {
        return start(name, jar, xmx, DEFAULT_JVM_OPTIONS, port, properties, logFile, true);
    }

    /** With JVM options of the caller's own and no GC log. */
    public static ServiceProcess start(String name, Path jar, String xmx, List<String> jvmOptions, int port,
                                       Map<String, Object> properties, Path logFile) {
        return start(name, jar, xmx, jvmOptions, port, properties, logFile, false);
    }

    private static ServiceProcess start(String name, Path jar, String xmx, List<String> jvmOptions, int port,
                                        Map<String, Object> properties, Path logFile, boolean sampleHeap) {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx" + xmx));
        command.addAll(jvmOptions);
        Path gcLog = sampleHeap ? logFile.resolveSibling(logFile.getFileName() + ".gc") : null;
        if (gcLog != null) {
            command.add("-Xlog:gc:file=" + gcLog);
        }
        command.addAll(List.of("-Duser.timezone=UTC", "-jar", jar.toString(), "--server.port=" + port,
                "--spring.main.banner-mode=off"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            ServiceProcess service = new ServiceProcess(name, "http://127.0.0.1:" + port, xmx, logFile, gcLog,
                    process);
            try {
                service.awaitHealthy(START_TIMEOUT);
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The {@code java} of the running JVM. */
    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start-up; see " + logFile);
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + logFile);
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return baseUrl;
    }

    public String xmx() {
        return xmx;
    }

    /** Where the process's stdout and stderr go (appended to, so a restarted service keeps one file). */
    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    public long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Peak resident set size so far (VmHWM), in bytes. */
    public long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most heap in use so far: before the fullest collection, or now if more is in use now; -1 if unknown. */
    public long peakHeapBytes() {
        long peak = -1;
        if (gcLog != null && Files.exists(gcLog)) {
            try {
                peak = heapBeforeCollections(Files.readString(gcLog));
            } catch (IOException e) {
                // no log, no figure from it
            }
        }
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            peak = Math.max(peak, heapBytes(metrics.body()));
        } catch (IOException | RuntimeException e) {
            // the log's figure stands alone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return peak;
    }

    /** The largest "before" of {@code -Xlog:gc} pause lines such as {@code Pause Young ... 130M->12M(491M) 4.5ms}. */
    public static long heapBeforeCollections(String gcLog) {
        Matcher m = GC_PAUSE.matcher(gcLog);
        long max = -1;
        while (m.find()) {
            long unit = switch (m.group(2)) {
                case "K" -> 1L << 10;
                case "M" -> 1L << 20;
                default -> 1L << 30;
            };
            max = Math.max(max, Long.parseLong(m.group(1)) * unit);
        }
        return max;
    }

    /** The sum over heap pools of jvm_memory_used_bytes{area="heap"} in a Prometheus scrape. */
    public static long heapBytes(String scrape) {
        Matcher m = HEAP.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    /**
     * {@code kill -9}: SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), no shutdown hook, no goodbye
     * to the broker or the database. Returns once the process is gone.
     */
    public void kill() {
        ProcessStops.forced(process, Duration.ofSeconds(30));
        ProcessStops.forgetHook(killOnExit);
    }

    /**
     * {@code kill -STOP}: the process freezes where it is, holding its sockets, connections, leases and half-done
     * calls, as a long GC pause or a stalled VM would, until {@link #resume()}. The rest of the system sees it go
     * silent without going away.
     */
    public void pause() {
        signal("STOP");
    }

    /** {@code kill -CONT}: a paused process carries on where it stopped, with whatever it held by then gone stale. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " of " + this.name + " (pid " + pid() + ") failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A graceful stop (SIGTERM), forced after 20 s. */
    @Override
    public void close() {
        ProcessStops.graceful(process, Duration.ofSeconds(20));
        ProcessStops.forgetHook(killOnExit);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
