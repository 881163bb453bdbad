package io.payout.orchestrator.withdrawal;

import io.payout.model.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Huifu's settlement days in Beijing: T1 money arrives at the start of the next working day of mainland China's
 * calendar ({@link WorkingDays}: weekends, the announced holidays and make-up working days), D1 money the next
 * natural day.
 */
final class BusinessCalendar {

    public static final ZoneId BEIJING = SerialNumbers.BEIJING;

    private final WorkingDays workingDays;

    BusinessCalendar(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** 00:00 Beijing of the first working day after the Beijing date of {@code at}: when T1 money arrives. */
    public Instant nextWorkingDayStart(Instant at) {
        return workingDays.nextWorkingDay(LocalDate.ofInstant(at, BEIJING)).atStartOfDay(BEIJING).toInstant();
    }

    /** 00:00 Beijing of the natural day after {@code at}: when D1 money arrives. */
    public Instant nextNaturalDayStart(Instant at) {
        return LocalDate.ofInstant(at, BEIJING).plusDays(1).atStartOfDay(BEIJING).toInstant();
    }
}
