package io.payout.sandbox.lifecycle;

import io.payout.model.calendar.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock T1 and D1 settle on: it runs {@code compression} times faster than real time from the moment the
 * sandbox starts, so a test can watch a settlement day pass in a second. It speeds settlement only; request dates
 * are checked against the real Beijing date.
 */
public final class SettlementClock {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Clock real;
    private final double compression;
    private final Instant origin;
    private final WorkingDays workingDays;

    public SettlementClock(Clock real, double compression, WorkingDays workingDays) {
        this.real = real;
        this.compression = compression;
        this.origin = real.instant();
        this.workingDays = workingDays;
    }

    public Instant now() {
        long realMillis = Duration.between(origin, real.instant()).toMillis();
        return origin.plusMillis((long) (realMillis * compression));
    }

    /** Real time until the settlement clock reaches {@code target} (zero if it already has). */
    public Duration realDelayUntil(Instant target) {
        long simulatedMillis = Duration.between(now(), target).toMillis();
        return simulatedMillis <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(simulatedMillis / compression));
    }

    /** Start (00:00 Beijing) of the next natural day after the settlement clock's today: D1. */
    public Instant nextNaturalDay() {
        return today().plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    /** Start of the next working day of mainland China's calendar (its holidays and make-up days): T1. */
    public Instant nextWorkingDay() {
        return workingDays.nextWorkingDay(today()).atStartOfDay(BEIJING).toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.isWorkingDay(day);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), BEIJING);
    }
}
