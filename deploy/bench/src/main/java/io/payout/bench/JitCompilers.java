package io.payout.bench;

import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * CPU of the JIT compiler threads (HotSpot's "C1/C2 CompilerThread") of the benchmark's JVMs, read from
 * /proc/pid/task. A fresh JVM compiles for minutes under load, and after a short warm-up its compiler threads can take
 * a large share of its CPU in the measured run. A service runs for days, so the benchmarks measure it warm: each
 * warm-up repeats until the compilers have (nearly) finished.
 */
final class JitCompilers {

    /** Warm once the compilers used at most this share of the JVMs' CPU during a round. */
    static final double SETTLED = 0.05;

    private JitCompilers() {
    }

    /**
     * Runs {@code round} (given its number, from 0) until, during one round, the compiler threads of the services and
     * of this JVM used at most {@link #SETTLED} of those JVMs' CPU, or until {@code limit} has passed (the compilers
     * of four JVMs on two cores take minutes to finish). Returns the rounds run.
     */
    static int warmUp(List<ServiceProcess> services, Duration limit, IntConsumer round) {
        return warmUp(services, Integer.MAX_VALUE, limit, round);
    }

    /** As {@link #warmUp(List, Duration, IntConsumer)}, with at most {@code maxRounds} rounds. */
    static int warmUp(List<ServiceProcess> services, int maxRounds, Duration limit, IntConsumer round) {
        return warmUpProcesses(pids(services), maxRounds, limit, round);
    }

    /** As {@link #warmUp(List, Duration, IntConsumer)}, the compilers of the brokers' own JVMs counted too. */
    static int warmUp(List<ServiceProcess> services, List<ClusterBroker> brokers, Duration limit, IntConsumer round) {
        List<Long> pids = pids(services);
        brokers.forEach(b -> pids.add(b.pid()));
        return warmUpProcesses(pids, Integer.MAX_VALUE, limit, round);
    }

    private static int warmUpProcesses(List<Long> pids, int maxRounds, Duration limit, IntConsumer round) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int r = 0; ; r++) {
            long compilersBefore = compilerTicks(pids);
            long allBefore = processTicks(pids);
            round.accept(r);
            long compilers = compilerTicks(pids) - compilersBefore;
            long all = Math.max(1, processTicks(pids) - allBefore);
            double share = (double) compilers / all;
            System.out.printf("  warm-up round %d: JIT compilers used %.0f %% of the CPU%n", r + 1, share * 100);
            if (share <= SETTLED || System.nanoTime() > deadline || r + 1 >= maxRounds) {
                return r + 1;
            }
        }
    }

    static List<Long> pids(List<ServiceProcess> services) {
        List<Long> pids = new ArrayList<>();
        services.forEach(s -> pids.add(s.pid()));
        pids.add(ProcessHandle.current().pid());
        return pids;
    }

    /** utime + stime of the compiler threads of these processes, in clock ticks. */
    static long compilerTicks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                sum += tasks.mapToLong(JitCompilers::compilerThreadTicks).sum();
            } catch (IOException | RuntimeException e) {
                // the process ended
            }
        }
        return sum;
    }

    /** Compiler-thread ticks of one process. */
    static long compilerTicks(long pid) {
        return compilerTicks(List.of(pid));
    }

    private static long processTicks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            sum += statTicks(Path.of("/proc", Long.toString(pid), "stat"));
        }
        return sum;
    }

    private static long compilerThreadTicks(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")
                    ? statTicks(task.resolve("stat")) : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while we looked
        }
    }

    static long statTicks(Path stat) {
        try {
            return Stats.cpuTicks(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
