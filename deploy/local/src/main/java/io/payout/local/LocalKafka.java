package io.payout.local;

import io.payout.testkit.KraftNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in this process (Kafka's own KRaft server, the {@link KraftNode} configuration), on a fixed
 * port, with its records and the consumer groups' committed offsets under the data folder. In-process so that it
 * dies with the launcher: a broker in a child process would be orphaned by a kill -9 and hold the port.
 */
final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Formats the storage at the first start only, then starts; returns once the broker serves clients. */
    static LocalKafka start(Path dataDir, int port, int controllerPort) {
        Path config = KraftNode.writeConfig(dataDir, port, controllerPort);
        KraftNode.formatOnce(dataDir, config, new PrintStream(OutputStream.nullOutputStream()));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(load(config), false), Time.SYSTEM);
        try {
            // Returns once the broker is unfenced, i.e. it answers clients.
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return new LocalKafka(server, port);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** A controlled shutdown: the logs are closed cleanly and need no recovery at the next start. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties load(Path config) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(config)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        return props;
    }
}
