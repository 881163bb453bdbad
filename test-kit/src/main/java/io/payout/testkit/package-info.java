/**
 * Real infrastructure for tests, with nothing to install and no Docker: a Kafka broker (KRaft) and a PostgreSQL 17
 * server from embedded binaries. The system's guarantees (acks=all before an acknowledgement, one transaction with
 * the outbox, claims with {@code SKIP LOCKED}) only show against the real thing, so the integration tests of every
 * module, the benchmarks, the reliability suite and the local stack all use these; the services take this library
 * in test scope only. Under {@code -Ptestcontainers} the shared broker and server are containers instead
 * (chosen in {@code InfrastructureSelection}), with no change to the tests.
 * <p>
 * {@link io.payout.testkit.TestKafka} is one in-process broker per JVM, started on first use, with helpers to
 * create topics, produce, and read a topic until a condition holds; {@link io.payout.testkit.TestPostgres} is one
 * server per JVM with a fresh database per test class. {@link io.payout.testkit.PostgresServer} drives initdb and
 * pg_ctl itself (as {@code nobody} when the JVM is root, which PostgreSQL refuses): temporary with fsync off for
 * tests, or durable on a kept data folder for the local stack. For suites that kill and restart parts of the
 * system: {@link io.payout.testkit.KafkaBrokerProcess} runs a broker in its own JVM
 * ({@link io.payout.testkit.KafkaServerMain}) whose data survives stop, kill -9 and start;
 * {@link io.payout.testkit.ServiceProcess} runs a service from its exec jar in its own JVM and reads its CPU, peak
 * RSS and peak heap; {@link io.payout.testkit.ServiceLaunch} is the one definition of the properties, topics and
 * {@code file:} key references each service is launched with, so no key appears on a command line.
 */
package io.payout.testkit;
