package io.payout.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/**
 * The {@code main} of a Kafka broker in its own JVM ({@link KafkaBrokerProcess} starts it): one KRaft node that is
 * broker and controller at once, on a fixed port and a data folder that outlives the process, so the broker can be
 * killed or stopped and started again with its data. Arguments: {@code <data dir> <port> <controller port>}.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: KafkaServerMain <data dir> <port> <controller port>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDir = dataDir.resolve("kraft-logs");
        Path config = dataDir.resolve("server.properties");
        Files.createDirectories(dataDir);
        Files.writeString(config, properties(logDir, port, controllerPort));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("kafka-storage format failed with " + formatted);
            }
        }
        // Blocks until SIGTERM (a controlled shutdown) and then exits the JVM.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static String properties(Path logDir, int port, int controllerPort) {
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
