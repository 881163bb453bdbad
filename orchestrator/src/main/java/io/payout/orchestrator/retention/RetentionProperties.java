package io.payout.orchestrator.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where finished withdrawals live and for how long.
 *
 * @param enabled      whether this instance archives (at {@code orchestrator.retention.cron}, Beijing time; instances
 *                     take turns, one archives at a time)
 * @param archiveAfter how long a withdrawal stays in the hot tables once final: longer than anything still reads it
 *                     there (late notices and the statement of its day are days, not weeks; the console's views)
 * @param keepMonths   archive months kept besides the current one; older ones are detached or dropped as
 *                     {@code expired} says. Unset: every month is kept.
 * @param expired      what becomes of a month past keeping
 * @param batchSize    withdrawals moved per transaction
 */
@ConfigurationProperties("orchestrator.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("40d") Duration archiveAfter,
        Integer keepMonths,
        @DefaultValue("DETACH") ExpiredMonths expired,
        @DefaultValue("1000") int batchSize) {

    public RetentionProperties {
        if (archiveAfter.isNegative()) {
            throw new IllegalArgumentException("orchestrator.retention.archive-after must not be negative");
        }
        if (keepMonths != null && keepMonths < 0) {
            throw new IllegalArgumentException("orchestrator.retention.keep-months must not be negative");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("orchestrator.retention.batch-size must be at least 1");
        }
    }
}
