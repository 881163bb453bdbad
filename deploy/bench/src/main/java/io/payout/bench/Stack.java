package io.payout.bench;

import io.payout.model.huifu.HuifuKeys;
import io.payout.testkit.PostgresServer;
import io.payout.testkit.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What the benchmarks share: Kafka and PostgreSQL in this process, key files, and how to start each service as its
 * own JVM. Each scenario gets its own topics (suffixed) and its own database, so no run sees another's records.
 */
final class Stack implements AutoCloseable {

    static final String ORCHESTRATOR_XMX = "512m";
    static final String GATEWAY_XMX = "256m";
    static final String SANDBOX_XMX = "512m";

    final Path root;
    final Path work;
    final EmbeddedKafkaKraftBroker broker;
    final PostgresServer postgres;
    final String bootstrapServers;
    final KeyPair merchant = HuifuKeys.generate();
    final KeyPair huifu = HuifuKeys.generate();
    private final Path keys;

    Stack(Path root, Path work) {
        this.root = root;
        this.work = work;
        this.broker = TestKafka.startPrivateBroker();
        this.bootstrapServers = broker.getBrokersAsString();
        this.postgres = PostgresServer.startTemporary();
        this.keys = work.resolve("keys");
        try {
            Files.createDirectories(keys);
            Files.writeString(keys.resolve("merchant-private"), HuifuKeys.toBase64(merchant.getPrivate()));
            Files.writeString(keys.resolve("merchant-public"), HuifuKeys.toBase64(merchant.getPublic()));
            Files.writeString(keys.resolve("huifu-private"), HuifuKeys.toBase64(huifu.getPrivate()));
            Files.writeString(keys.resolve("huifu-public"), HuifuKeys.toBase64(huifu.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Topic names of one scenario. */
    record Topics(String requests, String outcomes, String rejections, String notifications) {
        static Topics of(String scenario) {
            String s = "." + scenario.toLowerCase();
            return new Topics("withdrawal.requests" + s, "withdrawal.outcomes" + s, "withdrawal.rejections" + s,
                    "huifu.notifications" + s);
        }
    }

    String key(String name) {
        return "file:" + keys.resolve(name).toAbsolutePath();
    }

    ServiceProcess sandbox(String scenario) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("sandbox.merchant-public-key", key("merchant-public"));
        props.put("sandbox.huifu-private-key", key("huifu-private"));
        return ServiceProcess.start("sandbox", jar("huifu-sandbox"), SANDBOX_XMX, freePort(), props,
                work.resolve("logs").resolve(scenario + "-sandbox.log"));
    }

    ServiceProcess gateway(String scenario, Topics topics) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("gateway.huifu-public-key", key("huifu-public"));
        props.put("gateway.topic", topics.notifications());
        return ServiceProcess.start("gateway", jar("callback-gateway"), GATEWAY_XMX, freePort(), props,
                work.resolve("logs").resolve(scenario + "-gateway.log"));
    }

    /** The orchestrator on a fresh database; {@code huifuUrl} null means submission is off (nothing calls Huifu). */
    ServiceProcess orchestrator(String scenario, Topics topics, String jdbcUrl, String huifuUrl, String notifyUrl) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", postgres.username());
        props.put("spring.datasource.password", "");
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("orchestrator.huifu.base-url", huifuUrl == null ? "http://127.0.0.1:9" : huifuUrl);
        props.put("orchestrator.huifu.sys-id", "6666000100000000");
        props.put("orchestrator.huifu.product-id", "PAYUN");
        props.put("orchestrator.reconciliation.daily-cron", "-");
        props.put("orchestrator.huifu.merchant-private-key", key("merchant-private"));
        props.put("orchestrator.huifu.huifu-public-key", key("huifu-public"));
        props.put("orchestrator.huifu.notify-url", notifyUrl == null ? "http://127.0.0.1:8000/huifu/notify/withdrawal"
                : notifyUrl);
        props.put("orchestrator.submission.enabled", huifuUrl != null);
        props.put("orchestrator.topics.requests", topics.requests());
        props.put("orchestrator.topics.outcomes", topics.outcomes());
        props.put("orchestrator.topics.rejections", topics.rejections());
        props.put("orchestrator.topics.notifications", topics.notifications());
        // experiments: -Dbench.orchestrator.<property>=<value> (through BENCH_JAVA_OPTS) overrides the above
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.orchestrator."))
                .forEach(k -> props.put(k.substring("bench.orchestrator.".length()), System.getProperty(k)));
        return ServiceProcess.start("orchestrator", jar("orchestrator"), ORCHESTRATOR_XMX, freePort(), props,
                work.resolve("logs").resolve(scenario + "-orchestrator.log"));
    }

    /** A fresh database for one scenario's orchestrator; its JDBC URL. */
    String freshDatabase(String scenario) {
        return postgres.createDatabase("bench_" + scenario.toLowerCase() + "_" + Long.toString(System.nanoTime(), 36));
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with deploy/bench/run (it packages it)");
        }
        return jar;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        broker.destroy();
        postgres.close();
    }
}
