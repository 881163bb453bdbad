package io.payout.orchestrator.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code outbox.backlog}: messages written but not yet published (the relay deletes what the broker took), counted
 * up to a limit so a large backlog costs the database little, and {@code outbox.oldest.age}: how long the oldest has
 * waited. A backlog that grows while its oldest message ages means the relay is not moving.
 */
@Component
class OutboxBacklogMetrics {

    private static final int COUNT_LIMIT = 1_000_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    OutboxBacklogMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("outbox messages not yet published, counted up to " + COUNT_LIMIT).register(meters);
        Gauge.builder("outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("how long the oldest unpublished outbox message has waited").register(meters);
    }

    @Scheduled(fixedDelayString = "${orchestrator.reconciliation.metrics-refresh:15s}")
    void refresh() {
        backlog.set(jdbc.sql("select count(*) from (select 1 from outbox limit " + COUNT_LIMIT + ") o")
                .query(Long.class).single());
        Instant oldest = jdbc.sql("select created_at from outbox order by id limit 1")
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
    }
}
