package io.payout.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code main} of one broker of the benchmarks' Kafka cluster, in its own JVM ({@link ClusterBroker} starts it):
 * a KRaft node that is broker and controller at once, one of the cluster's voters, with its data in a folder that
 * outlives the process, so it can be killed and started again with its logs. Arguments: node id, data folder, port,
 * controller port, the voters ({@code 1@127.0.0.1:9093,...}) and the cluster id.
 */
public final class ClusterBrokerMain {

    private ClusterBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: ClusterBrokerMain <node id> <data dir> <port> <controller port> <voters> "
                    + "<cluster id>");
            System.exit(2);
        }
        int nodeId = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Path logDir = dataDir.resolve("kraft-logs");
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(config, properties(nodeId, logDir, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args[4]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        // formatted once: formatting again after a kill would give the node a new identity and strand its records
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", args[5], "-c",
                    config.toString()}, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("kafka-storage format failed with " + formatted);
            }
        }
        // blocks until SIGTERM (a controlled shutdown); SIGKILL is the benchmark's fault
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /**
     * One node of a cluster that keeps every acknowledged record on two brokers at least: replication 3 by default and
     * for the internal topics, {@code min.insync.replicas} 2 (with acks=all a write succeeds only once two replicas
     * have it, and one broker may be away), no unclean leader election, no topic created by accident.
     */
    static String properties(int nodeId, Path logDir, int port, int controllerPort, String voters) {
        return """
                process.roles=broker,controller
                node.id=%1$d
                listeners=PLAINTEXT://127.0.0.1:%2$d,CONTROLLER://127.0.0.1:%3$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.quorum.voters=%4$s
                log.dirs=%5$s
                num.partitions=6
                default.replication.factor=%6$d
                min.insync.replicas=%7$d
                unclean.leader.election.enable=false
                auto.create.topics.enable=false
                offsets.topic.replication.factor=%6$d
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=%6$d
                transaction.state.log.min.isr=%7$d
                transaction.state.log.num.partitions=3
                share.coordinator.state.topic.replication.factor=%6$d
                share.coordinator.state.topic.min.isr=%7$d
                group.initial.rebalance.delay.ms=0
                """.formatted(nodeId, port, controllerPort, voters, logDir, KafkaCluster.REPLICATION,
                KafkaCluster.MIN_IN_SYNC);
    }
}
