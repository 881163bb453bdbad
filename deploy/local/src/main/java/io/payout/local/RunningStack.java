package io.payout.local;

import io.payout.gateway.GatewayServer;
import io.payout.orchestrator.OrchestratorServer;
import io.payout.sandbox.SandboxServer;
import io.payout.testkit.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Every part of the system in this one process, each on its own port, wired together: Kafka and PostgreSQL first
 * (in parallel), then the sandbox and the gateway (in parallel) and the demo accounts, then the orchestrator, which
 * needs them all. Every piece of state lives under the data folder, so a restart (after a crash too) carries on.
 */
final class RunningStack implements AutoCloseable {

    static final String SYS_ID = "6666000100000000";
    static final String PRODUCT_ID = "PAYUN";
    static final String DATABASE = "orchestrator";
    /** A day of settlement passes in about 4 s, so T1 and D1 finish within a demo. */
    static final int TIME_COMPRESSION = 20_000;
    /** The channel the demo's users are opened under (the sandbox sets it no fee floor). */
    static final String UPPER_HUIFU_ID = "6666000100000000";

    private final List<Part> started = new ArrayList<>();
    private boolean closed;
    final LaunchOptions options;
    DevKeys keys;
    String opsToken;
    String jdbcUrl;
    String bootstrapServers;
    SandboxServer sandbox;
    GatewayServer gateway;
    OrchestratorServer orchestrator;

    RunningStack(LaunchOptions options) {
        this.options = options;
    }

    /** Starts every part; on failure the caller closes what did start ({@link #close()}). */
    void start() {
        Path data = options.dataDir();
        this.keys = DevKeys.loadOrCreate(data.resolve("keys"));
        this.opsToken = opsToken(data.resolve("ops-token"));

        var postgres = Starting.on(ServiceName.POSTGRES, "PostgreSQL", () -> PostgresServer.start(
                PostgresData.folder(data), options.postgresPort(), true, false));
        var kafka = Starting.on(ServiceName.KAFKA, "Kafka", () -> LocalKafka.start(data.resolve("kafka"),
                options.kafkaPort(), options.kafkaControllerPort()));
        PostgresServer database = trackBoth(postgres, kafka);
        LocalKafka broker = track(kafka);
        this.jdbcUrl = database.createDatabase(DATABASE);
        this.bootstrapServers = broker.bootstrapServers();

        var sandboxStart = Starting.on(ServiceName.SANDBOX, "the Huifu sandbox", () -> SandboxServer.start(Map.of(
                "server.port", options.sandboxPort(),
                "spring.main.banner-mode", "off",
                "spring.main.register-shutdown-hook", false,
                "sandbox.sys-id", SYS_ID,
                "sandbox.product-id", PRODUCT_ID,
                "sandbox.merchant-public-key", DevKeys.ref(keys.merchantPublic()),
                "sandbox.huifu-private-key", DevKeys.ref(keys.huifuPrivate()),
                "sandbox.time-compression", TIME_COMPRESSION,
                // Its ledger, serials and pending notices, kept between runs like everything else.
                "sandbox.state-dir", data.resolve("sandbox").toString())));
        var gatewayStart = Starting.on(ServiceName.GATEWAY, "the callback gateway", () -> GatewayServer.start(Map.of(
                "server.port", options.gatewayPort(),
                "spring.main.banner-mode", "off",
                "spring.main.register-shutdown-hook", false,
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "gateway.huifu-public-key", DevKeys.ref(keys.huifuPublic()))));
        this.sandbox = trackBoth(sandboxStart, gatewayStart);
        this.gateway = track(gatewayStart);
        // Before the orchestrator: after a crash it resumes withdrawals at once, and their accounts must exist.
        DemoAccounts.create(sandbox.control());

        Map<String, Object> orchestratorProps = new HashMap<>(Map.of(
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
        // Accounts through Huifu's paths (the demo opens its users this way); the key is kept with the others.
        orchestratorProps.put("orchestrator.accounts.hash-key", DevKeys.accountsHashKey(data.resolve("keys")));
        orchestratorProps.put("orchestrator.accounts.notify-url", gateway.accountNotifyUrl());
        orchestratorProps.put("orchestrator.accounts.upper-huifu-id", UPPER_HUIFU_ID);
        orchestratorProps.putAll(DevConsoleIdentities.properties());
        // Downloaded withdrawal statements, so that a re-run matches the file the first run saw.
        orchestratorProps.put("orchestrator.statement.folder", data.resolve("statements").toString());
        orchestratorProps.put("spring.main.banner-mode", "off");
        // After a crash the killed launcher's consumers still own their partitions until their sessions expire;
        // 10 s rather than Kafka's 45 s before the restarted orchestrator resumes.
        orchestratorProps.put("spring.kafka.consumer.properties.session.timeout.ms", 10_000);
        // A stop just after a start waits on a consumer still joining its group: Ctrl-C should not take 30 s.
        // Offsets are committed as records are processed, so a consumer cut short loses nothing.
        orchestratorProps.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
        // The launcher's hook stops the parts in order, the orchestrator first; Spring's would close all at once.
        orchestratorProps.put("spring.main.register-shutdown-hook", false);
        this.orchestrator = track(Starting.on(ServiceName.ORCHESTRATOR, "the orchestrator",
                () -> OrchestratorServer.start(orchestratorProps)));
    }

    /**
     * Waits for a part and keeps it for {@link #close()}. A part that finishes starting after a stop (Ctrl-C while
     * starting) is closed at once, so nothing outlives the stop.
     */
    private <T extends AutoCloseable> T track(Starting<T> starting) {
        T part = starting.await();
        synchronized (this) {
            if (!closed) {
                started.add(new Part(starting.service(), part));
                return part;
            }
        }
        new Part(starting.service(), part).close();
        throw new CannotStart("stopped while starting");
    }

    /** The first of two parts started together; when it failed, the second is still waited for and kept, to be closed. */
    private <T extends AutoCloseable> T trackBoth(Starting<T> first, Starting<? extends AutoCloseable> second) {
        try {
            return track(first);
        } catch (RuntimeException e) {
            try {
                track(second);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** Stops every part that started, the last started first; parts still starting are closed when they finish. */
    @Override
    public synchronized void close() {
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }

    synchronized boolean running() {
        return !started.isEmpty();
    }

    /** A started part and the service it is, so that what it logs while stopping carries its name. */
    private record Part(String service, AutoCloseable part) {

        void close() {
            String closing = ServiceName.current();
            ServiceName.startingAs(service);
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("stopping " + service + ": " + e.getMessage());
            } finally {
                ServiceName.startingAs(closing);
            }
        }
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
}
