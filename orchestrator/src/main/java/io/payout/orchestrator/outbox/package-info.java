/**
 * The transactional outbox: {@link io.payout.orchestrator.outbox.Outbox#append} and
 * {@link io.payout.orchestrator.outbox.Outbox#appendAll} write rows inside the caller's Spring-managed transaction;
 * {@link io.payout.orchestrator.outbox.OutboxRelay} (one active across instances, by a PostgreSQL advisory lock
 * held on a dedicated session) publishes them in id order with an idempotent producer and deletes them once the
 * broker acknowledged them. Delivery is at least once, never skipping a row.
 * <p>
 * Configuration ({@code orchestrator.outbox.*}): {@code relay-enabled} (true), {@code batch-size} (500),
 * {@code poll-interval} (1s fallback when no NOTIFY arrives), {@code lock-retry-interval} (1s: how fast a standby
 * takes over), {@code retry-base} (200ms) and {@code retry-max} (10s) back-off, {@code send-timeout} (30s per
 * batch), {@code vacuum-every} (20000 deleted rows); plus {@code spring.kafka.bootstrap-servers} and {@code spring.datasource.url/username/password} (the relay opens its own unpooled session from them).
 * Metrics: {@code outbox.relay.leading} (1 on the instance holding the role) and {@code outbox.relay.published}.
 */
package io.payout.orchestrator.outbox;
