package io.payout.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka node that is broker and controller at once (KRaft), with its data in one folder that outlives the
 * process: its configuration and the one-time formatting of its storage. One definition for the broker in its own
 * JVM ({@link KafkaServerMain}) and the local stack's in-process broker, so both run the same node.
 */
public final class KraftNode {

    private KraftNode() {
    }

    /** Where the node keeps its logs (records, offsets, metadata) under {@code dataDir}. */
    public static Path logDir(Path dataDir) {
        return dataDir.resolve("kraft-logs");
    }

    /** Writes {@code dataDir/server.properties} (again at every start, so a changed port takes effect) and returns it. */
    public static Path writeConfig(Path dataDir, int port, int controllerPort) {
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(config, properties(logDir(dataDir), port, controllerPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration " + config, e);
        }
        return config;
    }

    /**
     * Formats the storage unless {@code meta.properties} shows it already was: formatting again would give the node a
     * new cluster id and strand every record and committed offset. True when it formatted now.
     */
    public static boolean formatOnce(Path dataDir, Path config, PrintStream out) {
        if (Files.exists(logDir(dataDir).resolve("meta.properties"))) {
            return false;
        }
        int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()}, out);
        if (formatted != 0) {
            throw new IllegalStateException("kafka-storage format failed with " + formatted);
        }
        return true;
    }

    /**
     * The node's configuration: one partition per topic unless asked otherwise, replication 1 everywhere (there is
     * one node), no topic created by accident, and no delay before the first consumer group rebalance.
     */
    public static String properties(Path logDir, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.quorum.voters=1@127.0.0.1:%2$d
                log.dirs=%3$s
                num.partitions=1
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=3
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, logDir);
    }
}
