package io.payout.reliability;

import io.payout.model.huifu.HuifuKeys;
import io.payout.testkit.KafkaBrokerProcess;
import io.payout.testkit.PostgresServer;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Every part of the system as its own process: PostgreSQL (its server process), the Kafka broker (its own JVM), the
 * Huifu sandbox, the callback gateway and two orchestrators (JVMs from their exec jars), on one database and one
 * broker. Any of them can be killed or restarted while the others carry on. Logs go to one folder, one file per
 * process (a restarted process appends to its file), so the suite can read every line the run wrote.
 */
final class ReliabilityStack implements AutoCloseable {

    static final int PARTITIONS = 6;
    /**
     * The tmpfs of the suite's database: a run of 2,000 withdrawals leaves 16-17 MiB there (the catalog copied from
     * template1 included, dead row versions not vacuumed yet), so this leaves room to spare, and the ballast that
     * fills it stays small.
     */
    private static final String TABLESPACE_SIZE = "64m";
    /**
     * Service JVMs: the serial collector, since seven JVMs and PostgreSQL share two cores. (Not C1 only: RSA's
     * BigInteger intrinsics are C2's, and every withdrawal costs several signatures.)
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC");

    final Path work;
    final Path logs;
    final KeyPair merchant = HuifuKeys.generate();
    final KeyPair huifu = HuifuKeys.generate();
    final String opsToken = "ops-" + UUID.randomUUID();
    final ServiceLaunch.Topics topics = ServiceLaunch.Topics.suffixed("reliability");
    final PostgresServer postgres;
    /** Where the suite's database lives, so that its disk can fill up (DiskFullFault). */
    final TmpfsTablespace tablespace;
    final String jdbcUrl;
    final KafkaBrokerProcess broker;
    final ServiceProcess sandbox;
    final ServiceProcess gateway;
    final String sandboxUrl;
    final String notifyUrl;
    final String accountNotifyUrl;
    /** One hash key for both orchestrators: each must tell a replayed account request from a conflicting one. */
    private final String accountsHashKey = java.util.Base64.getEncoder().encodeToString(
            java.security.SecureRandom.getSeed(32));
    private final Path root;
    private final ServiceLaunch.KeyFiles keys;
    private final ServiceProcess[] orchestrators = new ServiceProcess[2];
    @SuppressWarnings("unchecked")
    private final CompletableFuture<Void>[] restarts = new CompletableFuture[] {
            CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(null)};
    private final AtomicInteger[] incarnations = {new AtomicInteger(), new AtomicInteger()};
    private final Map<String, Long> cpuOfEnded = new ConcurrentHashMap<>();
    /** Every log file any process of the run has written. */
    private final List<Path> logFiles = new CopyOnWriteArrayList<>();

    ReliabilityStack(Path root, Path work, Progress progress) {
        this.root = root;
        this.work = work;
        this.logs = work.resolve("logs");
        this.keys = ServiceLaunch.KeyFiles.write(work.resolve("keys"), merchant, huifu);
        // verbose: each error in the server log names its SQLSTATE, e.g. the disk-full fault's 53100
        this.postgres = PostgresServer.startTemporary("log_error_verbosity=verbose");
        try {
            this.tablespace = TmpfsTablespace.mount(TABLESPACE_SIZE);
            this.jdbcUrl = tablespace.createDatabase(postgres.jdbcUrl("postgres"), postgres.username(), "reliability");
            logFiles.add(postgres.serverLog());
            // Ports first, so every JVM can start at once: each only needs the others' addresses, not their answers.
            int sandboxPort = ServiceLaunch.freePort();
            int gatewayPort = ServiceLaunch.freePort();
            this.sandboxUrl = "http://127.0.0.1:" + sandboxPort;
            this.notifyUrl = "http://127.0.0.1:" + gatewayPort + "/huifu/notify/withdrawal";
            this.accountNotifyUrl = "http://127.0.0.1:" + gatewayPort + "/huifu/notify/account";
            CompletableFuture<ServiceProcess> sandboxStart = CompletableFuture.supplyAsync(() -> startSandbox(sandboxPort));
            this.broker = KafkaBrokerProcess.start(work.resolve("kafka"), logs.resolve("kafka-broker.log"), "512m");
            logFiles.add(broker.logFile());
            createTopics();
            progress.say("PostgreSQL (its own server, port %d) and the Kafka broker (its own JVM, %s) up",
                    postgres.port(), broker.bootstrapServers());
            CompletableFuture<ServiceProcess> gatewayStart = CompletableFuture.supplyAsync(() -> startGateway(gatewayPort));
            CompletableFuture<ServiceProcess> first = CompletableFuture.supplyAsync(() -> startOrchestrator(0));
            CompletableFuture<ServiceProcess> second = CompletableFuture.supplyAsync(() -> startOrchestrator(1));
            this.sandbox = sandboxStart.join();
            this.gateway = gatewayStart.join();
            orchestrators[0] = first.join();
            orchestrators[1] = second.join();
            progress.say("sandbox, gateway and 2 orchestrators up, each its own JVM (pids %d, %d, %d, %d)",
                    sandbox.pid(), gateway.pid(), orchestrators[0].pid(), orchestrators[1].pid());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    ServiceProcess orchestrator(int index) {
        return orchestrators[index];
    }

    List<ServiceProcess> orchestrators() {
        return List.of(orchestrators);
    }

    List<Path> logFiles() {
        return List.copyOf(logFiles);
    }

    /**
     * kill -9 of orchestrator {@code index}, then a new incarnation on the same database (and a new port), started
     * in the background so that the run goes on meanwhile. A kill waits for the previous restart of that instance.
     */
    void killAndRestartOrchestrator(int index) {
        awaitRestart(index);
        cpuOfEnded.put(orchestrators[index].name(), orchestrators[index].cpuTicks());
        orchestrators[index].kill();
        restarts[index] = CompletableFuture.runAsync(() -> orchestrators[index] = startOrchestratorPersistently(index));
    }

    /** Another try when an incarnation exits at start-up because its database or broker was away just then. */
    private ServiceProcess startOrchestratorPersistently(int index) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOrchestrator(index);
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** CPU seconds (user + system) each service JVM has used, killed incarnations included; 100 ticks a second. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> out = new TreeMap<>();
        cpuOfEnded.forEach((name, ticks) -> out.put(name, ticks / 100.0));
        for (ServiceProcess s : List.of(sandbox, gateway, orchestrators[0], orchestrators[1])) {
            out.put(s.name(), s.cpuTicks() / 100.0);
        }
        return out;
    }

    /** Waits until orchestrator {@code index} runs again after a kill (it fails the run if it could not start). */
    void awaitRestart(int index) {
        restarts[index].join();
    }

    void awaitRestarts() {
        awaitRestart(0);
        awaitRestart(1);
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> all = new ArrayList<>();
            for (String topic : List.of(topics.requests(), topics.outcomes(), topics.rejections(),
                    topics.notifications())) {
                all.add(new NewTopic(topic, PARTITIONS, (short) 1));
            }
            admin.createTopics(all).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics", e);
        }
    }

    private ServiceProcess startSandbox(int port) {
        Map<String, Object> props = ServiceLaunch.sandbox(keys);
        props.put("sandbox.accounting-delay", "100ms");
        props.put("sandbox.payout-delay", "100ms");
        // one settlement day per second: T1 and D1 settle within seconds
        props.put("sandbox.time-compression", 86400);
        // a withheld answer turns into a 502 after this; the orchestrator gave up long before (read timeout 2 s)
        props.put("sandbox.no-answer-hold", "4s");
        return start("huifu-sandbox", "sandbox", "384m", port, props);
    }

    private ServiceProcess startGateway(int port) {
        Map<String, Object> props = ServiceLaunch.gateway(bootstrapServers(), keys, topics);
        props.put("gateway.topic-partitions", PARTITIONS);
        return start("callback-gateway", "gateway", "192m", port, props);
    }

    private ServiceProcess startOrchestrator(int index) {
        Map<String, Object> props = ServiceLaunch.orchestrator(jdbcUrl, postgres.username(), bootstrapServers(),
                sandboxUrl, notifyUrl, keys, topics);
        props.put("orchestrator.ops.token", opsToken);
        props.put("orchestrator.topics.partitions", PARTITIONS);
        props.put("orchestrator.huifu.connect-timeout", "1s");
        props.put("orchestrator.huifu.read-timeout", "2s");
        props.put("orchestrator.submission.poll-interval", "100ms");
        // longer than the read timeout; after a kill -9 its claims are free again this much later
        props.put("orchestrator.submission.lease", "8s");
        props.put("orchestrator.submission.follow-up", "6s");
        props.put("orchestrator.submission.retry-base", "200ms");
        props.put("orchestrator.submission.retry-max", "2s");
        props.put("orchestrator.submission.not-found-spacing", "10s");
        props.put("orchestrator.reconciliation.time-compression", 86400);
        // compressed like every wait: 7 days would be 7 s; the run is far shorter than 3,650 s
        props.put("orchestrator.reconciliation.horizon", "3650d");
        // a query F before any debit waits this long for an acknowledged notice stuck behind a broker restart or
        // a rebalance (which can hold it for tens of seconds) before it counts as FAILED
        props.put("orchestrator.submission.failed-confirmation", "60s");
        // A killed instance's partitions wait for its session to expire: keep that wait short (the broker's minimum).
        props.put("spring.kafka.consumer.properties.session.timeout.ms", 6000);
        // accounts: opened and followed through the sandbox under the same faults
        props.put("orchestrator.accounts.hash-key", accountsHashKey);
        props.put("orchestrator.accounts.notify-url", accountNotifyUrl);
        props.put("orchestrator.accounts.upper-huifu-id", "6666000100000000");
        props.put("orchestrator.accounts.poll-interval", "200ms");
        props.put("orchestrator.accounts.lease", "8s");
        props.put("orchestrator.accounts.follow-after", "2s");
        props.put("orchestrator.accounts.retry-base", "200ms");
        props.put("orchestrator.accounts.retry-max", "2s");
        // lookups fail at the suite's fault rates too: enough of them that only a real loss asks an operator
        props.put("orchestrator.accounts.max-lookups", 30);
        props.put("spring.kafka.consumer.properties.heartbeat.interval.ms", 1500);
        String name = "orchestrator-" + (char) ('a' + index);
        return start("orchestrator", name + "-" + incarnations[index].incrementAndGet(), "384m",
                ServiceLaunch.freePort(), props);
    }

    private ServiceProcess start(String module, String name, String heap, int port, Map<String, Object> props) {
        Path log = logs.resolve(name + ".log");
        logFiles.add(log);
        return ServiceProcess.start(name, ServiceLaunch.execJar(root, module), heap, JVM_OPTIONS, port, props, log);
    }

    @Override
    public void close() {
        for (CompletableFuture<Void> restart : restarts) {
            restart.exceptionally(e -> null).join();
        }
        for (ServiceProcess o : orchestrators) {
            if (o != null) {
                o.close();
            }
        }
        closeQuietly(gateway);
        closeQuietly(sandbox);
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        // after the server stopped: nothing holds the mount any more
        if (tablespace != null) {
            tablespace.close();
        }
    }

    private static void closeQuietly(ServiceProcess service) {
        if (service != null) {
            service.close();
        }
    }

    static void deleteWorkDir(Path work) {
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + work, e);
        }
    }

    static Path createWorkDir() {
        try {
            return Files.createTempDirectory("payout-reliability-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
