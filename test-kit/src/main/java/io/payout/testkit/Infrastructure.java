package io.payout.testkit;

/**
 * Where the shared Kafka broker and PostgreSQL server of one test JVM come from. {@link TestKafka} and
 * {@link TestPostgres} delegate here, so the tests never know which one runs: {@link InProcessInfrastructure} by
 * default, or containers under {@code -Ptestcontainers} ({@link InfrastructureSelection} chooses). Each part starts
 * on first use, so a test that needs only the broker never starts a database server, and choosing starts nothing.
 */
interface Infrastructure {

    /** What {@code payout.testkit.infrastructure} names to choose this one. */
    String name();

    /** The shared broker's {@code host:port}, starting it on the first call. */
    String kafkaBootstrapServers();

    /** A new, empty database called {@code name} on the shared server, starting the server on the first call. */
    TestPostgres.Database createDatabase(String name);
}
