package io.payout.local;

import io.payout.gateway.GatewayServer;
import io.payout.orchestrator.OrchestratorServer;
import io.payout.sandbox.SandboxServer;
import io.payout.testkit.PostgresServer;
import io.payout.testkit.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Every part of the system in this one process, each on its own port, wired together: Kafka and PostgreSQL first
 * (in parallel), then the sandbox and the gateway (in parallel), then the orchestrator, which needs them all.
 */
final class RunningStack implements AutoCloseable {

    static final String SYS_ID = "6666000100000000";
    static final String PRODUCT_ID = "PAYUN";
    static final String DATABASE = "orchestrator";
    // The in-process KRaft broker picks its own port (it ignores a requested one); the banner prints it.
    /** A day of settlement passes in about 4 s, so T1 and D1 finish within a demo. */
    static final int TIME_COMPRESSION = 20_000;

    private final List<AutoCloseable> started = new ArrayList<>();
    final LaunchOptions options;
    final DevKeys keys;
    final String opsToken;
    final String jdbcUrl;
    final String bootstrapServers;
    final SandboxServer sandbox;
    final GatewayServer gateway;
    final OrchestratorServer orchestrator;

    private RunningStack(LaunchOptions options) {
        this.options = options;
        Path data = options.dataDir();
        this.keys = DevKeys.loadOrCreate(data.resolve("keys"));
        this.opsToken = opsToken(data.resolve("ops-token"));
        Map<String, Object> logging = logging(data.resolve("logs"), options.verbose());

        var postgres = CompletableFuture.supplyAsync(() -> PostgresServer.start(
                PostgresData.folder(data), options.postgresPort(), true, false));
        var kafka = CompletableFuture.supplyAsync(() -> TestKafka.startPrivateBroker());
        PostgresServer database = join(postgres, "PostgreSQL");
        started.add(database);
        EmbeddedKafkaKraftBroker broker = join(kafka, "Kafka");
        started.add(broker::destroy);
        this.jdbcUrl = database.createDatabase(DATABASE);
        this.bootstrapServers = broker.getBrokersAsString();

        var sandboxStart = CompletableFuture.supplyAsync(() -> SandboxServer.start(with(logging, Map.of(
                "server.port", options.sandboxPort(),
                "sandbox.sys-id", SYS_ID,
                "sandbox.product-id", PRODUCT_ID,
                "sandbox.merchant-public-key", DevKeys.ref(keys.merchantPublic()),
                "sandbox.huifu-private-key", DevKeys.ref(keys.huifuPrivate()),
                "sandbox.time-compression", TIME_COMPRESSION))));
        var gatewayStart = CompletableFuture.supplyAsync(() -> GatewayServer.start(with(logging, Map.of(
                "server.port", options.gatewayPort(),
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "gateway.huifu-public-key", DevKeys.ref(keys.huifuPublic())))));
        this.sandbox = join(sandboxStart, "the Huifu sandbox");
        started.add(sandbox);
        this.gateway = join(gatewayStart, "the callback gateway");
        started.add(gateway);

        Map<String, Object> orchestratorProps = new java.util.HashMap<>(logging);
        orchestratorProps.putAll(Map.of(
                "server.port", options.orchestratorPort(),
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", database.username(),
                "spring.datasource.password", "",
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "orchestrator.huifu.base-url", sandbox.baseUrl(),
                "orchestrator.huifu.sys-id", SYS_ID,
                "orchestrator.huifu.product-id", PRODUCT_ID,
                "orchestrator.huifu.merchant-private-key", DevKeys.ref(keys.merchantPrivate()),
                "orchestrator.huifu.huifu-public-key", DevKeys.ref(keys.huifuPublic())));
        orchestratorProps.put("orchestrator.huifu.notify-url", gateway.notifyUrl());
        orchestratorProps.put("orchestrator.ops.token", opsToken);
        this.orchestrator = OrchestratorServer.start(orchestratorProps);
        started.add(orchestrator);
    }

    static RunningStack start(LaunchOptions options) {
        if (options.fresh()) {
            PostgresData.delete(options.dataDir());
        }
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dataDir(), e);
        }
        return new RunningStack(options);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    private static Map<String, Object> logging(Path logs, boolean verbose) {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("logging.file.name", logs.resolve("local-stack.log").toString());
        props.put("spring.main.banner-mode", "off");
        if (!verbose) {
            // The console is for the launcher's own table and the demo; the services log to the file.
            props.put("logging.threshold.console", "WARN");
        }
        return props;
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> all = new java.util.HashMap<>(base);
        all.putAll(more);
        return all;
    }

    private static String opsToken(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.writeString(file, token + "\n");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the operations token in " + file, e);
        }
    }

    private <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.join();
        } catch (RuntimeException e) {
            close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(what + " did not start: " + cause.getMessage(), cause);
        }
    }
}
