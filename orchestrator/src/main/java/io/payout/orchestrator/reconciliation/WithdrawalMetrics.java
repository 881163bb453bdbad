package io.payout.orchestrator.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code withdrawals{status, age}}: open withdrawals by state and age bucket (age since intake), and
 * {@code withdrawals.attention}: how many are flagged. Refreshed from the database on a timer, so every instance
 * reports the same cluster-wide numbers. Final withdrawals are not counted: counting them read every row ever
 * stored on every refresh (half a second of database CPU every 15 s at 600,000 rows), and an open withdrawal that
 * ages is what needs watching; the outcome topic counts the finals.
 * <p>
 * Each state is counted up to a limit, oldest first: a backlog of a million REQUESTED cost a second of database
 * CPU per refresh (benchmark B1, where submission is off), and its size is not what an operator acts on, its age
 * is. Counting from the oldest keeps the older buckets exact; only the youngest one stops at the limit, and then
 * reads "at least". {@code withdrawals.count.limit} tells a dashboard where that is.
 */
@Component
class WithdrawalMetrics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int countLimit;
    private final MultiGauge byStateAndAge;
    private final AtomicLong attention = new AtomicLong();

    WithdrawalMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters,
                      @Value("${orchestrator.reconciliation.metrics-count-limit:50000}") int countLimit) {
        if (countLimit < 1) {
            throw new IllegalArgumentException(
                    "orchestrator.reconciliation.metrics-count-limit must be at least 1: " + countLimit);
        }
        this.jdbc = jdbc;
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
        // each branch reads the withdrawals_open index (V12) in created_at order and stops at the limit
        List<MultiGauge.Row<?>> rows = jdbc.sql("""
                        select status,
                          case when created_at > cast(:now as timestamptz) - interval '1 hour' then 'lt_1h'
                               when created_at > cast(:now as timestamptz) - interval '1 day' then 'lt_1d'
                               when created_at > cast(:now as timestamptz) - interval '7 days' then 'lt_7d'
                               else 'ge_7d' end as age,
                          count(*)
                        from (
                          (select status, created_at from withdrawals where status = 'REQUESTED'
                           order by created_at limit :limit)
                          union all
                          (select status, created_at from withdrawals where status = 'PROCESSING'
                           order by created_at limit :limit)
                          union all
                          (select status, created_at from withdrawals where status = 'ACCOUNTED'
                           order by created_at limit :limit)
                        ) oldest group by 1, 2
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", countLimit)
                .query((rs, n) -> MultiGauge.Row.of(Tags.of("status", rs.getString(1), "age", rs.getString(2)),
                        rs.getLong(3)))
                .list().stream().<MultiGauge.Row<?>>map(r -> r).toList();
        byStateAndAge.register(rows, true);
        attention.set(jdbc.sql("select count(*) from withdrawals where attention").query(Long.class).single());
    }
}
