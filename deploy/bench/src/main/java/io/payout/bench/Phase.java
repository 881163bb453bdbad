package io.payout.bench;

import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of each service over one phase of a benchmark, read from /proc before and after. Beside the services it
 * reports the Kafka brokers that run as their own JVMs (a cluster), the harness JVM (the in-process Kafka broker if
 * there is one, load generator, outcome watcher) and the PostgreSQL server processes, so a table shows where every
 * core went, not only the services' share.
 */
final class Phase {

    static final String HARNESS = "harness (broker, load)";
    /** The harness's row when the brokers are processes of their own. */
    static final String HARNESS_LOAD_ONLY = "harness (load)";
    static final String POSTGRES = "postgresql";

    private final List<ServiceProcess> services;
    private final long[] startTicks;
    private final long[] startJit;
    private final List<ClusterBroker> brokers;
    private final long[] brokerStartTicks;
    private final long[] brokerStartJit;
    private final long harnessJitStart = JitCompilers.compilerTicks(ProcessHandle.current().pid());
    private final long harnessStart = harnessTicks();
    private final long postgresStart = postgresTicks();
    private final long startNanos = System.nanoTime();

    private Phase(List<ServiceProcess> services, List<ClusterBroker> brokers) {
        this.services = services;
        this.startTicks = services.stream().mapToLong(ServiceProcess::cpuTicks).toArray();
        this.startJit = services.stream().mapToLong(s -> JitCompilers.compilerTicks(s.pid())).toArray();
        this.brokers = brokers;
        this.brokerStartTicks = brokers.stream().mapToLong(ClusterBroker::cpuTicks).toArray();
        this.brokerStartJit = brokers.stream().mapToLong(ClusterBroker::jitTicks).toArray();
    }

    static Phase begin(List<ServiceProcess> services) {
        return begin(services, List.of());
    }

    /** With the brokers that run as processes of their own, each counted over all its incarnations. */
    static Phase begin(List<ServiceProcess> services, List<ClusterBroker> brokers) {
        return new Phase(services, brokers);
    }

    /** CPU milliseconds each service spent since the phase began, per unit of work (e.g. per withdrawal). */
    Map<String, Object> cpuMillisPer(long units, long ticksPerSecond) {
        Map<String, Object> out = new LinkedHashMap<>();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        for (int i = 0; i < services.size(); i++) {
            ServiceProcess service = services.get(i);
            out.put(service.name(), row(service.cpuTicks() - startTicks[i],
                    JitCompilers.compilerTicks(service.pid()) - startJit[i], units, ticksPerSecond, wallSeconds));
        }
        for (int i = 0; i < brokers.size(); i++) {
            ClusterBroker broker = brokers.get(i);
            out.put(broker.name(), row(broker.cpuTicks() - brokerStartTicks[i], broker.jitTicks() - brokerStartJit[i],
                    units, ticksPerSecond, wallSeconds));
        }
        out.put(brokers.isEmpty() ? HARNESS : HARNESS_LOAD_ONLY, row(harnessTicks() - harnessStart,
                JitCompilers.compilerTicks(ProcessHandle.current().pid()) - harnessJitStart, units, ticksPerSecond,
                wallSeconds));
        out.put(POSTGRES, row(postgresTicks() - postgresStart, 0, units, ticksPerSecond, wallSeconds));
        return out;
    }

    /** One process's CPU; {@code jitTicks} is the part its JIT compiler threads used (included in {@code ticks}). */
    private static Map<String, Object> row(long ticks, long jitTicks, long units, long ticksPerSecond,
                                           double wallSeconds) {
        double ms = Stats.ticksToMillis(ticks, ticksPerSecond);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cpu_ms_total", Bench.round(ms));
        s.put("cpu_ms_per_unit", Bench.round(ms / units));
        s.put("jit_compiler_ms_per_unit", Bench.round(Stats.ticksToMillis(jitTicks, ticksPerSecond) / units));
        s.put("cores_busy", Bench.round(ms / 1000.0 / wallSeconds));
        return s;
    }

    private static long harnessTicks() {
        return JitCompilers.statTicks(Path.of("/proc/self/stat"));
    }

    /** The live PostgreSQL backends of the benchmarks' databases; a backend that exits takes its ticks with it. */
    private static long postgresTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        try {
                            // backends serving the benchmarks' databases (bench_*), not any other cluster's
                            String command = Files.readString(p.resolve("cmdline"));
                            return command.startsWith("postgres: ") && command.contains(" bench_")
                                    ? Stats.cpuTicks(Files.readString(p.resolve("stat"))) : 0;
                        } catch (IOException | RuntimeException e) {
                            return 0; // the process ended while we looked
                        }
                    }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

}
