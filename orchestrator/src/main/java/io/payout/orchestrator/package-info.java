/**
 * The orchestrator as a service: its Spring Boot application, the beans the features share (the clock, the
 * next-step policy, the topics, created at start-up when missing), the Kafka listener factories and the security of
 * the operations API. Each capability is a package of its own: {@code withdrawal} (the core), {@code intake},
 * {@code notification}, {@code submission}, {@code reconciliation}, {@code ops}, {@code huifu} and {@code outbox}.
 */
package io.payout.orchestrator;
