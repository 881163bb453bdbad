package io.payout.bench;

import io.payout.gateway.GatewayServer;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code deploy/bench/run gateway}: throughput and latency of verified notifications against a real (in-process)
 * broker: signed notifications over HTTP from many concurrent connections, each waiting for its answer (closed
 * loop). Client, gateway and broker share one JVM, so the CPU per notification can be split by thread role; the
 * throughput is a floor for the gateway alone. Arguments: --seconds=20 --warmup=20 --connections=32 --distinct=2000
 * --linger=1ms; --quick: 5 s of each.
 */
final class GatewayBenchmark {

    private static final String FORM = "application/x-www-form-urlencoded;charset=UTF-8";
    /** Huifu waits 5 s for an answer (PROTOCOL.md §4.4); so does this client. */
    private static final Duration HUIFU_TIMEOUT = Duration.ofSeconds(5);

    /** The load threads' own CPU, taken as each ends (a snapshot afterwards would no longer see them). */
    private static final java.util.concurrent.atomic.LongAdder CLIENT_CPU_NANOS =
            new java.util.concurrent.atomic.LongAdder();

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int seconds = options.integer("seconds", 20, 5);
        int warmup = options.integer("warmup", 20, 5);
        int connections = options.integer("connections", 32, 32);
        int distinct = options.integer("distinct", 2000, 2000);

        KeyPair huifu = HuifuKeys.generate();
        String topic = TestKafka.uniqueTopic("huifu.notifications.bench");
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("gateway.huifu-public-key", HuifuKeys.toBase64(huifu.getPublic()));
        properties.put("gateway.topic", topic);
        properties.put("gateway.publish-timeout", "2s"); // the production default
        properties.put("gateway.linger", options.string("linger", "1ms"));
        // One INFO line per acknowledged notification would measure the console, not the gateway.
        properties.put("logging.level.io.payout.gateway.callback", "WARN");
        // Signing is Huifu's cost, not ours: done up front. Repeats are fine, the gateway publishes every one.
        byte[][] bodies = IntStream.range(0, distinct).parallel()
                .mapToObj(i -> HuifuNotifications.formBody(HuifuNotifications.signedForm(accountingNotice(
                                "6666000" + (100000000 + i % 50), "B" + i + "x" + System.nanoTime()),
                                huifu.getPrivate()))
                        .getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);

        try (GatewayServer gateway = GatewayServer.start(properties)) {
            Load warm = drive(gateway.notifyUrl(), bodies, connections, Duration.ofSeconds(warmup));
            long cpuBefore = processCpuNanos();
            Map<Long, Long> threadsBefore = threadCpu();
            CLIENT_CPU_NANOS.reset();
            Load load = drive(gateway.notifyUrl(), bodies, connections, Duration.ofSeconds(seconds));
            Map<String, Long> roles = cpuByRole(threadsBefore, threadCpu());
            long cpuUsed = processCpuNanos() - cpuBefore;
            long onTopic = recordsOn(topic);
            report(load, seconds, connections, warm.ok() + load.ok(), onTopic, cpuUsed);
            long ok = Math.max(load.ok(), 1);
            roles.forEach((role, nanos) -> System.out.printf("  CPU-ms per notification, %-28s %.3f%n",
                    role + ":", nanos / 1e6 / ok));
            long java = roles.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("  CPU-ms per notification, %-28s %.3f%n", "JIT, GC (the rest):",
                    (cpuUsed - java) / 1e6 / ok);
        }
        System.exit(0);
    }

    /**
     * A 02 (accounting) notice as PROTOCOL.md §4.5 shows it. The description holds the characters form encoding
     * gets wrong most often, so the gateway's decoding does its full work on every request.
     */
    private static Map<String, String> accountingNotice(String huifuId, String reqSeqId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_id", "F00598600");
        data.put("acct_status", "S");
        data.put("cash_amt", "100.00");
        data.put("fee_amt", "1.05");
        data.put("hf_seq_id", "002900TOP3A221112165433P410ac139c1300001");
        data.put("huifu_id", huifuId);
        data.put("msg_type", "02");
        data.put("req_date", "20250301");
        data.put("req_seq_id", reqSeqId);
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功 a+b/c&d=e%25 ok");
        data.put("trans_status", "P");
        data.put("trans_type", "ENCHASHMENT");
        return data;
    }

    record Load(long ok, Map<String, Long> failures, long[] latenciesNanos) {
    }

    private static Load drive(String url, byte[][] bodies, int connections, Duration duration) throws Exception {
        // A direct executor: the client's own hand-offs between threads would otherwise cost as much CPU as the
        // gateway's work, on the same two cores.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
        URI uri = URI.create(url);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        Map<String, Long> failures = new TreeMap<>();
        long[] counts = new long[connections];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread thread = new Thread(() -> {
                long[] own = new long[1024];
                int n = 0;
                int next = connection;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Content-Type", FORM)
                            .timeout(HUIFU_TIMEOUT)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[next % bodies.length]))
                            .build();
                    next += connections;
                    long start = System.nanoTime();
                    String failure;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        failure = response.statusCode() == 200 && response.body().startsWith("RECV_ORD_ID_")
                                ? null : "HTTP " + response.statusCode();
                    } catch (Exception e) {
                        failure = e.getClass().getSimpleName();
                    }
                    long took = System.nanoTime() - start;
                    if (failure == null) {
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = took;
                    } else {
                        synchronized (failures) {
                            failures.merge(failure, 1L, Long::sum);
                        }
                    }
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(own, n));
                }
                counts[connection] = n;
                CLIENT_CPU_NANOS.add(cpu.getCurrentThreadCpuTime());
            }, "bench-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load(Arrays.stream(counts).sum(), failures, all);
    }

    private static long recordsOn(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private static void report(Load load, int seconds, int connections, long acknowledged, long onTopic,
                               long cpuNanos) {
        long[] sorted = load.latenciesNanos();
        System.out.printf("%n=== callback-gateway benchmark ===%n");
        System.out.printf("machine: %d cores, Java %s; client, gateway and broker in one JVM%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("connections: %d, measured: %d s, load average at the end: %s%n", connections, seconds,
                Bench.loadAverage());
        System.out.printf("verified + acknowledged: %d (%.0f/s), failures: %s%n",
                load.ok(), load.ok() / (double) seconds, load.failures());
        System.out.printf("latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
        System.out.printf("records on the topic: %d (acknowledged incl. warm-up: %d)%n", onTopic, acknowledged);
        // CPU time is what the run cost whatever else the machine was doing: client + gateway + broker together.
        double cpuMsEach = cpuNanos / 1e6 / Math.max(load.ok(), 1);
        System.out.printf("CPU used: %.1f s of %d s x %d cores; %.3f CPU-ms per notification (all three parts)"
                        + " -> %.0f/s if the run had every core%n", cpuNanos / 1e9, seconds,
                Runtime.getRuntime().availableProcessors(), cpuMsEach,
                Runtime.getRuntime().availableProcessors() * 1000 / cpuMsEach);
    }

    /** CPU time of each live Java thread, by id (JIT and GC threads are not Java threads). */
    private static Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** CPU used in the window by role, counting only threads alive at both ends (plus the load threads' own). */
    private static Map<String, Long> cpuByRole(Map<Long, Long> before, Map<Long, Long> after) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> roles = new TreeMap<>();
        after.forEach((id, nanos) -> {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && before.containsKey(id)) {
                roles.merge(role(info.getThreadName()), nanos - before.get(id), Long::sum);
            }
        });
        roles.merge("client (JDK HttpClient)", CLIENT_CPU_NANOS.sum(), Long::sum);
        return roles;
    }

    private static String role(String thread) {
        if (thread.startsWith("HttpClient-")) {
            return "client (JDK HttpClient)";
        }
        if (thread.startsWith("http-nio-") && thread.contains("-exec-")) {
            return "gateway request threads";
        }
        if (thread.startsWith("http-nio-")) {
            return "gateway Tomcat I/O";
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "gateway Kafka producer";
        }
        if (thread.startsWith("data-plane-kafka") || thread.startsWith("kafka-") || thread.contains("raft")) {
            return "broker";
        }
        return "other";
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }
}
