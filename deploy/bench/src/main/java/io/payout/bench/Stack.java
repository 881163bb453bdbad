package io.payout.bench;

import io.payout.model.huifu.HuifuKeys;
import io.payout.testkit.PostgresServer;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import io.payout.testkit.TestKafka;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What the benchmarks share: Kafka (one broker in this process, or a cluster of brokers in their own JVMs) and
 * PostgreSQL, key files, and how to start each service as its own JVM (the launch properties are test-kit's
 * {@link ServiceLaunch}, shared with the reliability suite). Each scenario gets its own topics (suffixed) and its own
 * database, so no run sees another's records.
 */
final class Stack implements AutoCloseable {

    static final String ORCHESTRATOR_XMX = "512m";
    static final String GATEWAY_XMX = "256m";
    static final String SANDBOX_XMX = "512m";

    final Path root;
    final Path work;
    /** The in-process broker, or null when the stack runs on {@link #cluster}. */
    private final EmbeddedKafkaKraftBroker broker;
    /** The brokers in their own JVMs ({@code --brokers 3}), or null. */
    private final KafkaCluster cluster;
    final PostgresServer postgres;
    final String bootstrapServers;
    final KeyPair merchant = HuifuKeys.generate();
    final KeyPair huifu = HuifuKeys.generate();
    private final ServiceLaunch.KeyFiles keys;
    private final List<String> databases = new ArrayList<>();
    /** While set, scenarios run on this database instead of a fresh one (B5: the one holding years of history). */
    private String pinnedJdbcUrl;

    Stack(Path root, Path work) {
        this(root, work, 1);
    }

    /** With {@code brokers} Kafka brokers: 1 in this process, or more as a cluster of their own JVMs. */
    Stack(Path root, Path work, int brokers) {
        this.root = root;
        this.work = work;
        if (brokers == 1) {
            this.broker = TestKafka.startPrivateBroker();
            this.cluster = null;
            this.bootstrapServers = broker.getBrokersAsString();
        } else {
            this.broker = null;
            this.cluster = KafkaCluster.start(work, brokers);
            this.bootstrapServers = cluster.bootstrapServers();
        }
        // The warm-ups leave hundreds of thousands of rows (see JitCompilers), more than the tests' 128 MB of
        // buffers hold; a database server on a machine with 24 GiB would be given at least this much.
        // -Dbench.postgres.settings=a=1,b=2 adds server settings for an experiment (e.g. pg_stat_statements).
        List<String> settings = new ArrayList<>(List.of("shared_buffers=1GB"));
        String extra = System.getProperty("bench.postgres.settings", "");
        if (!extra.isBlank()) {
            settings.addAll(List.of(extra.split(",")));
        }
        this.postgres = PostgresServer.startTemporary(settings.toArray(String[]::new));
        this.keys = ServiceLaunch.KeyFiles.write(work.resolve("keys"), merchant, huifu);
    }

    /** The cluster, when the stack runs on one ({@code --brokers 3}). */
    Optional<KafkaCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** The brokers that run as processes of their own (none when the broker is in this JVM), to count their CPU. */
    List<ClusterBroker> brokerProcesses() {
        return cluster == null ? List.of() : cluster.brokers();
    }

    /**
     * Gateways and orchestrators per scenario: two of each on a cluster (a production shape: an instance can be lost
     * like a broker), one on the single broker, as the benchmarks have always measured.
     */
    int instances() {
        return cluster == null ? 1 : 2;
    }

    /** Topic names of one scenario. */
    static ServiceLaunch.Topics topics(String scenario) {
        return ServiceLaunch.Topics.suffixed(scenario.toLowerCase());
    }

    ServiceProcess sandbox(String scenario) {
        return sandbox(scenario, Map.of());
    }

    /** The sandbox with settings of the scenario's own (e.g. B4's fault mix and compressed settlement clock). */
    ServiceProcess sandbox(String scenario, Map<String, Object> settings) {
        Map<String, Object> props = ServiceLaunch.sandbox(keys);
        props.putAll(settings);
        return ServiceProcess.start("sandbox", ServiceLaunch.execJar(root, "huifu-sandbox"), SANDBOX_XMX,
                ServiceLaunch.freePort(), props, log(scenario, "sandbox"));
    }

    ServiceProcess gateway(String scenario, ServiceLaunch.Topics topics) {
        return gateway(scenario, "gateway", topics);
    }

    /** A gateway named {@code name} (its rows in the tables, its log file). */
    ServiceProcess gateway(String scenario, String name, ServiceLaunch.Topics topics) {
        Map<String, Object> props = ServiceLaunch.gateway(bootstrapServers, keys, topics);
        if (cluster != null) {
            props.put("gateway.topic-replication", KafkaCluster.REPLICATION);
        }
        return ServiceProcess.start(name, ServiceLaunch.execJar(root, "callback-gateway"), GATEWAY_XMX,
                ServiceLaunch.freePort(), props, log(scenario, name));
    }

    /** The orchestrator on a fresh database; {@code huifuUrl} null means submission is off (nothing calls Huifu). */
    ServiceProcess orchestrator(String scenario, ServiceLaunch.Topics topics, String jdbcUrl, String huifuUrl,
                                String notifyUrl) {
        return orchestrator(scenario, "orchestrator", topics, jdbcUrl, huifuUrl, notifyUrl);
    }

    /** An orchestrator named {@code name} (its rows in the tables, its log file). */
    ServiceProcess orchestrator(String scenario, String name, ServiceLaunch.Topics topics, String jdbcUrl,
                                String huifuUrl, String notifyUrl) {
        Map<String, Object> props = ServiceLaunch.orchestrator(jdbcUrl, postgres.username(), bootstrapServers,
                huifuUrl, notifyUrl, keys, topics);
        if (cluster != null) {
            // every topic the orchestrator creates (requests, outcomes, rejections, notifications, quarantines,
            // accounts) on all three brokers; min.insync.replicas 2 is the brokers' default
            props.put("orchestrator.topics.replication", KafkaCluster.REPLICATION);
        }
        // experiments: -Dbench.orchestrator.<property>=<value> (through BENCH_JAVA_OPTS) overrides the above
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.orchestrator."))
                .forEach(k -> props.put(k.substring("bench.orchestrator.".length()), System.getProperty(k)));
        return ServiceProcess.start(name, ServiceLaunch.execJar(root, "orchestrator"), ORCHESTRATOR_XMX,
                ServiceLaunch.freePort(), props, log(scenario, name));
    }

    private Path log(String scenario, String service) {
        return work.resolve("logs").resolve(scenario + "-" + service + ".log");
    }

    /** A fresh database for one scenario's orchestrator; its JDBC URL. */
    String freshDatabase(String scenario) {
        if (pinnedJdbcUrl != null) {
            return pinnedJdbcUrl;
        }
        String name = "bench_" + scenario.toLowerCase() + "_" + Long.toString(System.nanoTime(), 36);
        databases.add(name);
        return postgres.createDatabase(name);
    }

    /** The name of the database made last. */
    String lastDatabase() {
        return databases.get(databases.size() - 1);
    }

    /** A copy of a database no one is connected to (CREATE DATABASE ... TEMPLATE); its name. */
    String copyOf(String source, String scenario) {
        String name = "bench_" + scenario.toLowerCase() + "_" + Long.toString(System.nanoTime(), 36);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                postgres.username(), ""); java.sql.Statement st = c.createStatement()) {
            st.execute("create database " + name + " template " + source);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot copy " + source, e);
        }
        databases.add(name);
        return name;
    }

    /** Until {@link #unpin()}, every scenario's orchestrator gets this database, not a fresh one. */
    void pin(String jdbcUrl) {
        this.pinnedJdbcUrl = jdbcUrl;
    }

    void unpin() {
        this.pinnedJdbcUrl = null;
    }

    /**
     * Drops the databases made so far. Left in place, an earlier scenario's rows (B1 leaves about a million) are
     * there for autovacuum to visit while a later one is measured, and a scenario run after others would cost
     * PostgreSQL more than the same scenario alone.
     */
    void dropDatabases() {
        for (String name : databases) {
            try {
                postgres.dropDatabase(name);
            } catch (RuntimeException e) {
                // the scenario's result still counts; the next one may just share the server with these rows
                System.err.println("could not drop " + name + ": " + e.getMessage());
            }
        }
        databases.clear();
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.destroy();
        }
        if (cluster != null) {
            cluster.close();
        }
        postgres.close();
    }
}
