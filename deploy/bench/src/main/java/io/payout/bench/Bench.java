package io.payout.bench;

import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deploy/bench/run [B1|B2|B3|all] [--quick]}: runs the benchmarks, prints a table per scenario and writes
 * {@code results/<timestamp>-<scenario>.json}. It measures; it checks nothing but that the work was done.
 * {@code deploy/bench/run gateway|sandbox|orchestrator|outbox|statement [--quick]} runs one component's benchmark
 * instead, which prints only.
 */
public final class Bench {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Bench() {
    }

    public static void main(String[] args) {
        String first = args.length == 0 ? "" : args[0].toLowerCase(Locale.ROOT);
        String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (first) {
                case "gateway" -> GatewayBenchmark.main(rest);
                case "sandbox" -> SandboxBenchmark.main(rest);
                case "orchestrator" -> OrchestratorBenchmark.main(rest);
                case "outbox" -> OutboxBenchmark.main(rest);
                case "statement" -> StatementBenchmark.main(rest);
                default -> scenarios(args);
            }
        } catch (Exception | Error e) {
            // The broker in this JVM runs on threads of its own, which would keep a failed run alive (and its CPU
            // in the next run's measurement): say why it failed and end.
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** B1, B2 and B3: the whole system, each service in its own JVM. */
    private static void scenarios(String[] args) throws Exception {
        List<String> scenarios = new ArrayList<>();
        boolean quick = false;
        Map<String, String> values = new LinkedHashMap<>();
        for (int a = 0; a < args.length; a++) {
            String arg = args[a].toLowerCase(Locale.ROOT);
            if (VALUED.contains(arg) && a + 1 < args.length) {
                values.put(arg.substring(2), args[++a]);
                continue;
            }
            if (arg.startsWith("--") && arg.indexOf('=') > 2 && VALUED.contains(arg.substring(0, arg.indexOf('=')))) {
                values.put(arg.substring(2, arg.indexOf('=')), args[a].substring(arg.indexOf('=') + 1));
                continue;
            }
            switch (arg) {
                case "--quick" -> quick = true;
                case "--accounts" -> AccountChecks.switchOn();
                case "b1", "b2", "b3", "b4", "b5" -> scenarios.add(arg.toUpperCase(Locale.ROOT));
                case "b3-cluster-fault" -> scenarios.add(CLUSTER_FAULT);
                case "all" -> scenarios.addAll(List.of("B1", "B2", "B3"));
                default -> {
                    System.err.println("usage: deploy/bench/run [B1|B2|B3|all] [--quick] [--traced-share S]\n"
                            + "       deploy/bench/run B2 [--rates 1000,2000,3000]\n"
                            + "       deploy/bench/run B3 [--brokers 3] [--count N] [--accounts]\n"
                            + "       deploy/bench/run B3-cluster-fault [--count N] [--down SECONDS]\n"
                            + "       deploy/bench/run B4 [--count N] [--rate R | --b3-max R] [--brokers 3]\n"
                            + "       deploy/bench/run B5 [--rows N] [--quick]\n       deploy/bench/run "
                            + "gateway|sandbox|orchestrator|outbox|statement [--quick] [--name=value...]");
                    System.exit(2);
                }
            }
        }
        if (values.containsKey("traced-share")) {
            // requests carry a traceparent, this share of them sampled: the cost of tracing, export off
            Requests.traced(Double.parseDouble(values.get("traced-share")));
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of("B1", "B2", "B3"));
        }
        int brokers = brokers(values, scenarios);
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path results = root.resolve("results");
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path work = Files.createTempDirectory("payout-bench-");
        long ticks = clockTicksPerSecond();
        Map<String, Object> machine = machine(quick, ticks);
        // The JIT compilers of fresh JVMs sharing two cores take minutes to finish (see JitCompilers), in B3 more
        // than five, so the limit is ten; a warm-up ends earlier once the compilers have settled.
        // A quick run only smoke-tests the harness. -Dbench.warm-up-limit=<seconds> (through BENCH_JAVA_OPTS)
        // changes the limit for an experiment.
        Duration warmUpLimit = Duration.ofSeconds(quick ? 15 : Long.getLong("bench.warm-up-limit", 600));
        int exit = 0;
        try (Stack stack = new Stack(root, work, brokers)) {
            for (String scenario : scenarios) {
                System.out.printf("%n== %s%s ==%n", scenario, quick ? " (quick)" : "");
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("scenario", scenario);
                result.put("machine", machine);
                try {
                    result.putAll(switch (scenario) {
                        case "B1" -> new IntakeBench(stack, ticks).run(quick ? 5_000 : 100_000, warmUpLimit);
                        case "B2" -> new NotificationBench(stack, ticks).run(rates(values, quick),
                                Duration.ofSeconds(quick ? 4 : 8), warmUpLimit);
                        // B3 measures 10,000 (about a minute): in a short burst the fill and drain (first fetch,
                        // the sandbox's 200 + 300 ms delays, the last notices) are a large part of the time, and a
                        // once-a-minute autovacuum round falls inside some runs and not in others
                        case "B3" -> new LifecycleBench(stack, ticks).run(count(values, quick), warmUpLimit);
                        case CLUSTER_FAULT -> new LifecycleBench(stack, ticks).run(count(values, quick),
                                warmUpLimit, new BrokerFault(stack, Duration.ofSeconds(
                                        Long.parseLong(values.getOrDefault("down", "5")))));
                        case "B4" -> new SoakBench(stack, ticks).run(
                                Integer.parseInt(values.getOrDefault("count", quick ? "2000" : "250000")),
                                soakRate(stack, ticks, values), root.resolve("deploy/bench/target"), stamp);
                        case "B5" -> new HistoryBench(stack, ticks).run(
                                Long.parseLong(values.getOrDefault("rows", "10000000")), quick, warmUpLimit);
                        default -> throw new IllegalArgumentException(scenario);
                    });
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    result.put("error", String.valueOf(e));
                    exit = 1;
                } finally {
                    stack.dropDatabases();
                }
                if (result.get("fault") instanceof Map<?, ?> fault
                        && ((Number) fault.get("invariant_violations")).longValue() > 0) {
                    System.out.println("  THE INVARIANTS ARE VIOLATED: see the table above");
                    exit = 1;
                }
                Files.createDirectories(results);
                String brokersTag = brokers > 1 && !scenario.equals(CLUSTER_FAULT) ? "-" + brokers + "brokers" : "";
                Path file = results.resolve(stamp + "-" + scenario + brokersTag + (quick ? "-quick" : "") + ".json");
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
                System.out.println("written " + root.relativize(file) + "   (service logs: " + work.resolve("logs")
                        + ")");
            }
        }
        System.exit(exit);
    }

    /** Options that take a value: {@code --count 2000} or {@code --count=2000}. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--count", "--rate", "--b3-max", "--rows",
            "--traced-share", "--brokers", "--down", "--rates");
    private static final String CLUSTER_FAULT = "B3-cluster-fault";
    /** The scenarios that run on a cluster: the lifecycle ones, with two gateways and two orchestrators. */
    private static final java.util.Set<String> ON_A_CLUSTER = java.util.Set.of("B3", "B4", CLUSTER_FAULT);

    /** B2's offered rates, lowest first: {@code --rates 1000,2000,3000}, else 200, 500, 1,000, 2,000 (quick: 200, 500). */
    private static List<Integer> rates(Map<String, String> values, boolean quick) {
        if (values.containsKey("rates")) {
            return java.util.Arrays.stream(values.get("rates").split(",")).map(String::trim).map(Integer::valueOf)
                    .sorted().toList();
        }
        return quick ? List.of(200, 500) : List.of(200, 500, 1000, 2000);
    }

    /** B3's burst and the fault run's: {@code --count}, else 10,000 (quick: 300). */
    private static int count(Map<String, String> values, boolean quick) {
        return Integer.parseInt(values.getOrDefault("count", quick ? "300" : "10000"));
    }

    /**
     * {@code --brokers}: 1 (the broker in this JVM, the default) or 3 (a cluster of their own JVMs, for B3, B4 and the
     * fault run, which needs it).
     */
    private static int brokers(Map<String, String> values, List<String> scenarios) {
        int brokers = Integer.parseInt(values.getOrDefault("brokers", scenarios.contains(CLUSTER_FAULT) ? "3" : "1"));
        if (brokers != 1 && brokers != KafkaCluster.REPLICATION) {
            throw new IllegalArgumentException("--brokers is 1 or " + KafkaCluster.REPLICATION + ", not " + brokers);
        }
        if (brokers == 1 && scenarios.contains(CLUSTER_FAULT)) {
            throw new IllegalArgumentException(CLUSTER_FAULT + " kills one broker of three: not with --brokers 1");
        }
        if (brokers > 1 && !ON_A_CLUSTER.containsAll(scenarios)) {
            throw new IllegalArgumentException("--brokers " + brokers + " runs " + ON_A_CLUSTER + " only");
        }
        return brokers;
    }

    /**
     * B4's offered rate: {@code --rate}, else 60 % of {@code --b3-max}, else 60 % of a short B3 (2,000 withdrawals
     * after at most a minute's warm-up) measured now on the same stack.
     */
    private static double soakRate(Stack stack, long ticks, Map<String, String> values) {
        if (values.containsKey("rate")) {
            return Double.parseDouble(values.get("rate"));
        }
        double b3;
        if (values.containsKey("b3-max")) {
            b3 = Double.parseDouble(values.get("b3-max"));
        } else {
            System.out.println("  no --rate or --b3-max: measuring a short B3 first");
            Map<String, Object> short3 = new LifecycleBench(stack, ticks).run(2_000, Duration.ofSeconds(60));
            stack.dropDatabases();
            b3 = (double) short3.get("withdrawals_per_second");
        }
        System.out.printf("  B3 maximum %.1f/s: B4 offers 60 %% of it%n", b3);
        return 0.6 * b3;
    }

    private static Map<String, Object> machine(boolean quick, long ticks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quick", quick);
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("clk_tck", ticks);
        m.put("load_average_at_start", loadAverage());
        m.put("xmx", Map.of("orchestrator", Stack.ORCHESTRATOR_XMX, "gateway", Stack.GATEWAY_XMX,
                "sandbox", Stack.SANDBOX_XMX));
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** Peak heap and resident memory of each service, in MiB. */
    static Map<String, Object> memory(List<ServiceProcess> services) {
        return memory(services, List.of());
    }

    /** The same with the brokers that run as processes of their own (every incarnation's peak). */
    static Map<String, Object> memory(List<ServiceProcess> services, List<ClusterBroker> brokers) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ServiceProcess s : services) {
            out.put(s.name(), memoryRow(s.xmx(), s.peakHeapBytes(), s.peakRssBytes()));
        }
        for (ClusterBroker b : brokers) {
            out.put(b.name(), memoryRow(ClusterBroker.XMX, b.peakHeapBytes(), b.peakRssBytes()));
        }
        return out;
    }

    private static Map<String, Object> memoryRow(String xmx, long peakHeapBytes, long peakRssBytes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("xmx", xmx);
        m.put("peak_heap_mib", round(peakHeapBytes / 1048576.0));
        m.put("peak_rss_mib", round(peakRssBytes / 1048576.0));
        return m;
    }

    static void printMemory(Map<String, Object> memory) {
        memory.forEach((name, value) -> {
            Map<?, ?> m = (Map<?, ?>) value;
            System.out.printf("  %-15s peak heap %7.1f MiB   peak RSS %7.1f MiB   (-Xmx%s)%n", name,
                    m.get("peak_heap_mib"), m.get("peak_rss_mib"), m.get("xmx"));
        });
    }

    static void printCpu(String what, Map<String, Object> cpu) {
        cpu.forEach((name, value) -> {
            Map<?, ?> m = (Map<?, ?>) value;
            System.out.printf("  %-15s %8.3f CPU ms per %s   (%.2f cores busy; JIT compilers %.3f ms of it)%n",
                    name, m.get("cpu_ms_per_unit"), what, m.get("cores_busy"), m.get("jit_compiler_ms_per_unit"));
        });
    }

    /** As {@link #printCpu(String, Map)}, then the sum over all processes in RSA signatures' worth. */
    static void printCpu(String what, Map<String, Object> cpu, RsaCost rsa) {
        printCpu(what, cpu);
        double all = cpu.values().stream().mapToDouble(v -> (double) ((Map<?, ?>) v).get("cpu_ms_per_unit")).sum();
        System.out.printf("  all processes: %.3f CPU ms per %s = %.2f RSA signs (one sign %.3f ms in this run)%n",
                all, what, rsa.signatures(all), rsa.signMs());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }

    static Map<String, Object> latency(Stats stats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", stats.count());
        m.put("p50_ms", round(stats.p50Ms()));
        m.put("p95_ms", round(stats.p95Ms()));
        m.put("p99_ms", round(stats.p99Ms()));
        m.put("max_ms", round(stats.maxMs()));
        return m;
    }

    static WithdrawalStatus[] finals() {
        return new WithdrawalStatus[] {WithdrawalStatus.SUCCEEDED, WithdrawalStatus.REFUNDED, WithdrawalStatus.FAILED};
    }

    static IntoAcctDateType d0() {
        return IntoAcctDateType.D0;
    }
}
