package io.payout.orchestrator.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code withdrawals{status, age}}: open withdrawals by state and age bucket (age since intake), and
 * {@code withdrawals.attention}: how many are flagged. Refreshed from the database on a timer, so every instance
 * reports the same cluster-wide numbers. Final withdrawals are not counted: that would read every row ever stored
 * on every refresh, and an open withdrawal that ages is what needs watching; the outcome topic counts the finals.
 * <p>
 * Each state is counted up to a limit, oldest first, so that a large backlog costs the database little: the older
 * buckets stay exact, only the youngest one stops at the limit and then reads "at least".
 * {@code withdrawals.count.limit} tells a dashboard where that is.
 */
@Component
class WithdrawalMetrics {

    private static final List<String> AGES = List.of("lt_1h", "lt_1d", "lt_7d", "ge_7d");

    private final Withdrawals withdrawals;
    private final Clock clock;
    private final int countLimit;
    private final MultiGauge byStateAndAge;
    private final AtomicLong attention = new AtomicLong();

    WithdrawalMetrics(Withdrawals withdrawals, Clock clock, MeterRegistry meters,
                      @Value("${orchestrator.reconciliation.metrics-count-limit:50000}") int countLimit) {
        if (countLimit < 1) {
            throw new IllegalArgumentException(
                    "orchestrator.reconciliation.metrics-count-limit must be at least 1: " + countLimit);
        }
        this.withdrawals = withdrawals;
        this.clock = clock;
        this.countLimit = countLimit;
        this.byStateAndAge = MultiGauge.builder("withdrawals")
                .description("open withdrawals by state and age bucket (since intake); each state counted up to "
                        + "withdrawals.count.limit, oldest first").register(meters);
        meters.gauge("withdrawals.count.limit", Tags.empty(), this, metrics -> metrics.countLimit);
        meters.gauge("withdrawals.attention", attention);
    }

    @Scheduled(fixedDelayString = "${orchestrator.reconciliation.metrics-refresh:15s}")
    void refresh() {
        Instant now = clock.instant();
        List<Instant> bounds = List.of(now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(1)),
                now.minus(Duration.ofDays(7)));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        Map<WithdrawalStatus, long[]> open = withdrawals.countOpenByAge(bounds, countLimit);
        for (WithdrawalStatus status : WithdrawalStatus.values()) {
            if (status.isFinal()) {
                continue;
            }
            // every open state and age, zeros included: a dashboard and an alert see the series from the start
            long[] counts = open.getOrDefault(status, new long[AGES.size()]);
            for (int bucket = 0; bucket < AGES.size(); bucket++) {
                rows.add(MultiGauge.Row.of(Tags.of("status", status.name(), "age", AGES.get(bucket)),
                        counts[bucket]));
            }
        }
        byStateAndAge.register(rows, true);
        attention.set(withdrawals.countFlagged());
    }
}
