package io.payout.orchestrator.withdrawal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

/** Huifu's settlement days in Beijing: weekends and configured holidays are not working days (T1 waits them out). */
final class BusinessCalendar {

    public static final ZoneId BEIJING = SerialNumbers.BEIJING;

    private final Set<LocalDate> holidays;

    public BusinessCalendar(Collection<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** 00:00 Beijing of the first working day after the Beijing date of {@code at}: when T1 money arrives. */
    public Instant nextWorkingDayStart(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, BEIJING).plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day.atStartOfDay(BEIJING).toInstant();
    }

    /** 00:00 Beijing of the natural day after {@code at}: when D1 money arrives. */
    public Instant nextNaturalDayStart(Instant at) {
        return LocalDate.ofInstant(at, BEIJING).plusDays(1).atStartOfDay(BEIJING).toInstant();
    }
}
