package io.payout.orchestrator.reconciliation;

import io.payout.orchestrator.withdrawal.SerialNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs yesterday's report (Beijing) once a day. In a cluster the first instance to register the date runs it; the
 * others see the row and skip (a re-run through the operations API is always possible).
 */
@Component
class DailyReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliationSchedule.class);

    private final DailyReconciliation reconciliation;
    private final ReconciliationReports reports;
    private final Clock clock;

    DailyReconciliationSchedule(DailyReconciliation reconciliation, ReconciliationReports reports, Clock clock) {
        this.reconciliation = reconciliation;
        this.reports = reports;
        this.clock = clock;
    }

    @Scheduled(cron = "${orchestrator.reconciliation.daily-cron:0 30 9 * * *}", zone = "Asia/Shanghai")
    void runYesterday() {
        String date = LocalDate.now(clock.withZone(SerialNumbers.BEIJING)).minusDays(1)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
        if (!reports.claim(date)) {
            return;
        }
        try {
            reconciliation.run(date);
        } catch (RuntimeException e) {
            // the claim row stays with finished_at null: visible, and re-runnable through the operations API
            log.warn("daily reconciliation of {} failed: {}", date, e.toString());
        }
    }
}
