package io.payout.orchestrator.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay ({@code orchestrator.outbox.*}).
 *
 * @param relayEnabled      whether this instance competes for the relay role at all
 * @param batchSize         rows read, sent and deleted per round
 * @param pollInterval      fallback poll when no NOTIFY arrives (a lost wake-up costs at most this)
 * @param lockRetryInterval how often a standby instance tries to take the relay role over
 * @param retryBase         first back-off after a broker or database failure, doubled up to {@code retryMax}
 * @param retryMax          longest back-off
 * @param sendTimeout       how long the producer may try to deliver one batch before it counts as failed
 * @param vacuumEvery       the relay vacuums the outbox itself after deleting this many rows (0: leave it to
 *                          autovacuum). Each read starts at the lowest id and steps over every deleted row not yet
 *                          vacuumed; autovacuum comes at most once per naptime (a minute), by which time a busy
 *                          outbox holds hundreds of thousands of them
 */
@ConfigurationProperties("orchestrator.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration lockRetryInterval,
        @DefaultValue("200ms") Duration retryBase,
        @DefaultValue("10s") Duration retryMax,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("20000") int vacuumEvery) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("orchestrator.outbox.batch-size must be at least 1: " + batchSize);
        }
        if (vacuumEvery < 0) {
            throw new IllegalArgumentException("orchestrator.outbox.vacuum-every must not be negative: " + vacuumEvery);
        }
        requirePositive("poll-interval", pollInterval);
        requirePositive("lock-retry-interval", lockRetryInterval);
        requirePositive("retry-base", retryBase);
        requirePositive("retry-max", retryMax);
        requirePositive("send-timeout", sendTimeout);
    }

    /** The defaults, for code that builds a relay outside Spring (tests, tools). */
    public static OutboxProperties defaults() {
        return new OutboxProperties(true, 500, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 20_000);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("orchestrator.outbox." + name + " must be a positive duration");
        }
    }
}
