package io.payout.testkit;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The default: a KRaft broker in this JVM and a PostgreSQL 17 server from embedded binaries; no Docker. */
final class InProcessInfrastructure implements Infrastructure {

    static final String NAME = "in-process";

    private EmbeddedKafkaKraftBroker broker;
    private PostgresServer server;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (broker == null) {
            broker = startBroker();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-stop"));
        }
        return broker.getBrokersAsString();
    }

    @Override
    public TestPostgres.Database createDatabase(String name) {
        PostgresServer shared = server();
        // The server trusts local connections, so there is no password.
        return new TestPostgres.Database(shared.createDatabase(name), shared.username(), "");
    }

    private synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.startTemporary();
        }
        return server;
    }

    /** A new in-process broker; also what {@link TestKafka#startPrivateBroker()} hands out in either selection. */
    static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 1);
        // By default the broker writes its address to the SYSTEM property spring.kafka.bootstrap-servers, which
        // outranks the properties a launcher passes to SpringApplicationBuilder: after a private broker (started,
        // then destroyed, by another test) every later context in the JVM would dial a dead broker.
        kraft.brokerListProperty("payout.testkit.kafka.brokers");
        kraft.brokerProperties(Map.of(
                        "auto.create.topics.enable", "false",
                        "group.initial.rebalance.delay.ms", "0",
                        "transaction.state.log.replication.factor", "1",
                        "transaction.state.log.min.isr", "1",
                        "offsets.topic.replication.factor", "1"));
        kraft.afterPropertiesSet();
        return kraft;
    }
}
