package io.payout.bench;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service in its own JVM, started from its exec jar, so its CPU time and memory are its own: CPU from
 * /proc/pid/stat (utime + stime), resident peak from /proc/pid/status (VmHWM), heap sampled from its
 * /actuator/prometheus every second.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final String baseUrl;
    final String xmx;
    private final Process process;
    private final ScheduledExecutorService sampler;
    private volatile long peakHeapBytes;

    private ServiceProcess(String name, String baseUrl, String xmx, Process process) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.xmx = xmx;
        this.process = process;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    static ServiceProcess start(String name, Path jar, String xmx, int port, Map<String, Object> properties,
                                Path logFile) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + xmx, "-XX:+UseParallelGC", "-Duser.timezone=UTC", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.main.banner-mode=off"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            ServiceProcess service = new ServiceProcess(name, "http://127.0.0.1:" + port, xmx, process);
            service.awaitHealthy(Duration.ofMinutes(3), logFile);
            service.sampler.scheduleAtFixedRate(service::sampleHeap, 0, 1, TimeUnit.SECONDS);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void awaitHealthy(Duration timeout, Path logFile) {
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
            pause(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + logFile);
    }

    long pid() {
        return process.pid();
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    long cpuTicks() {
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
    long peakRssBytes() {
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

    long peakHeapBytes() {
        sampleHeap();
        return peakHeapBytes;
    }

    private void sampleHeap() {
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long heap = heapBytes(metrics.body());
            if (heap > peakHeapBytes) {
                peakHeapBytes = heap;
            }
        } catch (IOException | RuntimeException e) {
            // a missed sample under load is no reason to stop the run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sum over heap pools of jvm_memory_used_bytes{area="heap"} in a Prometheus scrape. */
    static long heapBytes(String scrape) {
        Matcher m = HEAP.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
