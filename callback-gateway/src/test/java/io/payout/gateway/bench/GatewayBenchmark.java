package io.payout.gateway.bench;

import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.GatewayTestProperties;
import io.payout.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Throughput and latency of verified notifications against the real (in-process) broker: signed notifications
 * over HTTP from many concurrent connections, each waiting for its answer (closed loop). Not a test; run it as
 * README.md says. Client, gateway and broker share the machine, so the numbers are a floor for the gateway alone.
 * Arguments: --seconds=20 --warmup=5 --connections=32 --distinct=2000.
 */
public final class GatewayBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        int distinct = Integer.parseInt(options.getOrDefault("distinct", "2000"));

        String topic = TestKafka.uniqueTopic("huifu.notifications.bench");
        Map<String, Object> properties = GatewayTestProperties.launch(TestKafka.bootstrapServers(), topic);
        properties.put("gateway.publish-timeout", "2s"); // the production default
        // One INFO line per acknowledged notification would measure the console, not the gateway.
        properties.put("logging.level.io.payout.gateway.callback", "WARN");
        // Signing is Huifu's cost, not ours: done up front. Repeats are fine, the gateway publishes every one.
        byte[][] bodies = IntStream.range(0, distinct).parallel()
                .mapToObj(i -> FakeHuifu.body(FakeHuifu.signed(FakeHuifu.accountingNotice(
                                "6666000" + (100000000 + i % 50), "B" + i + "x" + System.nanoTime())))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toArray(byte[][]::new);

        try (GatewayServer gateway = GatewayServer.start(properties)) {
            Load warm = drive(gateway.notifyUrl(), bodies, connections, Duration.ofSeconds(warmup));
            Load load = drive(gateway.notifyUrl(), bodies, connections, Duration.ofSeconds(seconds));
            long onTopic = recordsOn(topic);
            report(load, seconds, connections, warm.ok() + load.ok(), onTopic);
        }
        System.exit(0);
    }

    record Load(long ok, Map<String, Long> failures, long[] latenciesNanos) {
    }

    private static Load drive(String url, byte[][] bodies, int connections, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(url);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        Map<String, Long> failures = new TreeMap<>();
        long[] counts = new long[connections];
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread thread = new Thread(() -> {
                long[] own = new long[1024];
                int n = 0;
                int next = connection;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Content-Type", FakeHuifu.FORM)
                            .timeout(FakeHuifu.HUIFU_TIMEOUT)
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

    private static void report(Load load, int seconds, int connections, long acknowledged, long onTopic) {
        long[] sorted = load.latenciesNanos();
        System.out.printf("%n=== callback-gateway benchmark ===%n");
        System.out.printf("machine: %d cores, Java %s; client, gateway and broker in one JVM%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("connections: %d, measured: %d s%n", connections, seconds);
        System.out.printf("verified + acknowledged: %d (%.0f/s), failures: %s%n",
                load.ok(), load.ok() / (double) seconds, load.failures());
        System.out.printf("latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
        System.out.printf("records on the topic: %d (acknowledged incl. warm-up: %d)%n", onTopic, acknowledged);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--") && part.contains("=")) {
                    options.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                }
            }
        }
        return options;
    }
}
