package io.payout.testkit;

import java.nio.file.Path;

/**
 * The {@code main} of a Kafka broker in its own JVM ({@link KafkaBrokerProcess} starts it): one {@link KraftNode} on a
 * fixed port and a data folder that outlives the process, so the broker can be killed or stopped and started again
 * with its data. Arguments: {@code <data dir> <port> <controller port>}.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: KafkaServerMain <data dir> <port> <controller port>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Path config = KraftNode.writeConfig(dataDir, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        KraftNode.formatOnce(dataDir, config, System.out);
        // Blocks until SIGTERM (a controlled shutdown) and then exits the JVM.
        kafka.Kafka.main(new String[] {config.toString()});
    }
}
