package io.payout.orchestrator.reconciliation;

import io.payout.model.calendar.WorkingDays;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import io.payout.orchestrator.withdrawal.PollSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poll schedule and the daily reconciliation ({@code orchestrator.reconciliation.*}). Durations are business
 * time; {@code timeCompression} divides them (and the wait until the expected arrival) for tests and demos against
 * the sandbox's compressed settlement clock. Production uses 1.
 */
@ConfigurationProperties("orchestrator.reconciliation")
public record ReconciliationProperties(
        /* test/demo only: how many times faster than real time the schedule runs */
        @DefaultValue("1") double timeCompression,
        /* D0/DM are normally paid within minutes of acceptance */
        @DefaultValue("5m") Duration instantArrival,
        /* the first interval of close polling, widening with age */
        @DefaultValue("10s") Duration closeInterval,
        /* the widest interval between two queries of one withdrawal */
        @DefaultValue("30m") Duration maxInterval,
        /* T1/D1 before their expected arrival: at least this far apart */
        @DefaultValue("12h") Duration lightInterval,
        /* after this age without a final answer the withdrawal is flagged for attention (and still polled) */
        @DefaultValue("7d") Duration horizon,
        /* real time: never query one withdrawal more often than this, whatever the compression */
        @DefaultValue("1s") Duration minWait,
        /* further Beijing dates that are not working days, beyond the announced calendar (a local closure) */
        @DefaultValue List<LocalDate> holidays,
        /* a calendar file adding announced years, or replacing one (the format of the built-in years) */
        String calendarFile,
        /* when the daily report for the previous business date runs (Beijing time); "-" disables it */
        @DefaultValue("0 30 9 * * *") String dailyCron) {

    public ReconciliationProperties {
        if (!(timeCompression >= 1)) {
            throw new IllegalArgumentException("orchestrator.reconciliation.time-compression must be >= 1: "
                    + timeCompression);
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** The poll schedule's part of these settings, counting working days with {@code workingDays}. */
    public PollSchedule.Settings pollSettings(WorkingDays workingDays) {
        return new PollSchedule.Settings(timeCompression, instantArrival, closeInterval, maxInterval, lightInterval,
                horizon, minWait, workingDays);
    }

    /** Mainland China's built-in calendar with {@code calendarFile}'s years and the further {@code holidays}. */
    public WorkingDays workingDays() {
        WorkingDays days = WorkingDays.builtIn();
        if (calendarFile != null && !calendarFile.isBlank()) {
            days = days.withFile(Path.of(calendarFile));
        }
        return days.withHolidays(holidays);
    }
}
