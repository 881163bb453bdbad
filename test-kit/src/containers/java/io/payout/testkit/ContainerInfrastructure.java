package io.payout.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Under {@code -Ptestcontainers}: the shared broker and server are containers, started on first use and removed when
 * the JVM ends (by Testcontainers' reaper, or the shutdown hook where that is disabled). Compiled only under that
 * profile and found by {@link InfrastructureSelection} through {@code ServiceLoader}, hence public.
 */
public final class ContainerInfrastructure implements Infrastructure {

    /** The broker release of the kafka-clients the services use (KRaft, the image's default). */
    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");
    /** The major version of the in-process binaries. */
    static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17");

    private KafkaContainer kafka;
    private PostgreSQLContainer postgres;

    @Override
    public String name() {
        return InfrastructureSelection.CONTAINERS;
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            // As in-process: a topic nobody created is an error, not a silent new topic with the wrong partitions.
            // (The container already sets the single-broker replication factors and no initial rebalance delay.)
            kafka = started(new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false"));
        }
        return kafka.getBootstrapServers();
    }

    @Override
    public TestPostgres.Database createDatabase(String name) {
        PostgreSQLContainer server = postgres();
        try (Connection admin = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(),
                server.getPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        String jdbcUrl = "jdbc:postgresql://" + server.getHost() + ":"
                + server.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + name;
        return new TestPostgres.Database(jdbcUrl, server.getUsername(), server.getPassword());
    }

    private synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            // As in-process: fsync off (throw-away data), and room for every connection pool a module's tests open.
            postgres = started(new PostgreSQLContainer(POSTGRES_IMAGE)
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300"));
        }
        return postgres;
    }

    private static <C extends GenericContainer<?>> C started(C container) {
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "container-stop"));
        return container;
    }
}
