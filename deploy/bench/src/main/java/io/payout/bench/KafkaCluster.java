package io.payout.bench;

import io.payout.testkit.ServiceLaunch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Three Kafka brokers as separate JVMs ({@link ClusterBroker}), each broker and controller at once (KRaft, a static
 * quorum of three voters), replication 3 and {@code min.insync.replicas} 2: the shape of a production cluster, so the
 * benchmarks show what replication costs and what losing a broker does.
 */
final class KafkaCluster implements AutoCloseable {

    static final short REPLICATION = 3;
    static final int MIN_IN_SYNC = 2;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path dataRoot;
    private final List<ClusterBroker> brokers;
    private final Admin admin;

    private KafkaCluster(Path dataRoot, List<ClusterBroker> brokers) {
        this.dataRoot = dataRoot;
        this.brokers = brokers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** Starts {@code size} brokers (data under {@code work/kafka}, logs under {@code work/logs}) and waits for all. */
    static KafkaCluster start(Path work, int size) {
        int[] ports = new int[size];
        int[] controllerPorts = new int[size];
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports[i] = ServiceLaunch.freePort();
            controllerPorts[i] = ServiceLaunch.freePort();
            voters.add(ClusterBroker.voter(i + 1, controllerPorts[i]));
        }
        String clusterId = Uuid.randomUuid().toString();
        Path dataRoot = work.resolve("kafka");
        List<ClusterBroker> brokers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            brokers.add(new ClusterBroker(i + 1, dataRoot.resolve("broker-" + (i + 1)),
                    work.resolve("logs").resolve("kafka-" + (i + 1) + ".log"), ports[i], controllerPorts[i],
                    String.join(",", voters), clusterId));
        }
        // all at once: a quorum of three elects its leader only once two voters are up
        brokers.forEach(ClusterBroker::start);
        KafkaCluster cluster = new KafkaCluster(dataRoot, List.copyOf(brokers));
        try {
            cluster.awaitBrokers(size, READY_TIMEOUT);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String bootstrapServers() {
        return brokers.stream().map(ClusterBroker::address).collect(Collectors.joining(","));
    }

    List<ClusterBroker> brokers() {
        return brokers;
    }

    ClusterBroker broker(int nodeId) {
        return brokers.stream().filter(b -> b.nodeId() == nodeId).findFirst().orElseThrow();
    }

    /** Waits until {@code count} brokers are registered with the controller and answer. */
    void awaitBrokers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ClusterBroker b : brokers) {
                if (b.pid() != -1 && !b.isAlive()) {
                    throw new IllegalStateException(b.name() + " exited; see its log under " + dataRoot.getParent()
                            .resolve("logs"));
                }
            }
            try {
                if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count) {
                    return;
                }
            } catch (Exception notYet) {
                // not answering yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(count + " Kafka brokers not up within " + timeout);
            }
            Bench.sleep(200);
        }
    }

    /** The node id of the active controller (the leader of the KRaft quorum). */
    int activeController() {
        try {
            return admin.describeMetadataQuorum().quorumInfo().get(15, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the metadata quorum", e);
        }
    }

    /** Partitions (of every topic, internal ones included) whose in-sync replicas are fewer than their replicas. */
    int underReplicatedPartitions() {
        int under = 0;
        for (TopicDescription topic : describeTopics().values()) {
            for (TopicPartitionInfo p : topic.partitions()) {
                if (p.isr().size() < p.replicas().size()) {
                    under++;
                }
            }
        }
        return under;
    }

    /** Partitions of these topics. */
    int partitions(Set<String> topics) {
        return describeTopics().entrySet().stream().filter(e -> topics.contains(e.getKey()))
                .mapToInt(e -> e.getValue().partitions().size()).sum();
    }

    /** Partitions of these topics led by {@code nodeId}, or by no one: none of them takes a write. */
    int ledByOrLeaderless(int nodeId, Set<String> topics) {
        return (int) describeTopics().entrySet().stream().filter(e -> topics.contains(e.getKey()))
                .flatMap(e -> e.getValue().partitions().stream())
                .filter(p -> p.leader() == null || p.leader().isEmpty() || p.leader().id() == nodeId).count();
    }

    /** True when {@code broker} itself answers a metadata request (an admin client that knows only its address). */
    boolean answers(ClusterBroker broker) {
        try (Admin own = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.address(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            return own.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream()
                    .anyMatch(n -> n.id() == broker.nodeId());
        } catch (Exception notYet) {
            return false;
        }
    }

    /**
     * Each topic whose name starts with one of {@code prefixes}: partitions, replication factor and effective
     * {@code min.insync.replicas}, to show that every topic the product made is replicated as the cluster intends.
     */
    Map<String, Object> topics(List<String> prefixes) {
        Map<String, TopicDescription> described = describeTopics();
        List<String> names = described.keySet().stream().filter(n -> prefixes.stream().anyMatch(n::startsWith))
                .sorted().toList();
        Map<ConfigResource, Config> configs;
        try {
            configs = admin.describeConfigs(names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                    .toList()).all().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the topics' configuration", e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names) {
            TopicDescription t = described.get(name);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partitions", t.partitions().size());
            m.put("replication", t.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0));
            m.put("min_insync_replicas", configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
            out.put(name, m);
        }
        return out;
    }

    private Map<String, TopicDescription> describeTopics() {
        try {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(15, TimeUnit.SECONDS);
            return admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the cluster's topics", e);
        }
    }

    /** Stops every broker and deletes their data (their logs stay with the services' logs). */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        // all at once: a controlled shutdown waits for the controller, which the last brokers are
        List<Thread> stops = brokers.stream().map(b -> new Thread(b::stop, "stop-" + b.name())).toList();
        stops.forEach(Thread::start);
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> paths = Files.exists(dataRoot) ? Files.walk(dataRoot) : Stream.empty()) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the brokers' data in " + dataRoot, e);
        }
    }
}
