package io.payout.orchestrator.reconciliation.statement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily statement job. Every natural day (D0, D1 and DM pay out on holidays too) the statement of the previous
 * trade date is fetched for each account withdrawn that day, first after {@code first-try} Beijing time, retried
 * no sooner than {@code retry-interval} apart within the query limit. The day before is looked at as well, so an
 * outage over midnight does not lose a day. Every instance may run it: the query count in the database bounds the
 * queries, whoever sends them.
 */
@Component
class StatementSchedule {

    private static final Logger log = LoggerFactory.getLogger(StatementSchedule.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int DAYS_LOOKED_AT = 2;

    private final StatementFetcher fetcher;
    private final StatementProperties properties;
    private final Clock clock;

    StatementSchedule(StatementFetcher fetcher, StatementProperties properties, Clock clock) {
        this.fetcher = fetcher;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${orchestrator.statement.check-cron:0 */10 * * * *}", zone = "Asia/Shanghai")
    void check() {
        if (!properties.enabled()) {
            return;
        }
        for (String date : dueTradeDates(ZonedDateTime.now(clock), properties.firstTry())) {
            for (String huifuId : fetcher.accountsOf(date)) {
                try {
                    fetcher.attempt(huifuId, date);
                } catch (RuntimeException e) {
                    // one account's trouble must not keep the others from their statement
                    log.warn("statement of huifu_id={} trade_date={} failed: {}", huifuId, date, e.toString());
                }
            }
        }
    }

    /**
     * The trade dates whose statement may be asked for at {@code now}: yesterday once {@code firstTry} has passed
     * today, and the day before yesterday, both in Beijing. Every natural day, holidays included.
     */
    static List<String> dueTradeDates(ZonedDateTime at, LocalTime firstTry) {
        ZonedDateTime now = at.withZoneSameInstant(BEIJING);
        List<String> due = new ArrayList<>();
        for (int daysBack = 1; daysBack <= DAYS_LOOKED_AT; daysBack++) {
            LocalDate tradeDate = now.toLocalDate().minusDays(daysBack);
            if (!now.isBefore(tradeDate.plusDays(1).atTime(firstTry).atZone(BEIJING))) {
                due.add(tradeDate.format(YYYYMMDD));
            }
        }
        return due;
    }
}
