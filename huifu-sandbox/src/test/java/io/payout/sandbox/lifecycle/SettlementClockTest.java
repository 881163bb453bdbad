package io.payout.sandbox.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.payout.model.calendar.WorkingDays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettlementClockTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Friday 2026-11-27, 10:00 Beijing. */
    private static final Instant FRIDAY = LocalDate.of(2026, 11, 27).atTime(10, 0).atZone(BEIJING).toInstant();

    @Test
    void t1SkipsTheWeekendAndHolidaysWhileD1IsTheNextNaturalDay() {
        SettlementClock clock = new SettlementClock(Clock.fixed(FRIDAY, ZoneOffset.UTC), 1,
                WorkingDays.weekendsOnly().withHolidays(Set.of(LocalDate.of(2026, 11, 30))));

        assertThat(clock.nextNaturalDay()).isEqualTo(LocalDate.of(2026, 11, 28).atStartOfDay(BEIJING).toInstant());
        assertThat(clock.nextWorkingDay()).isEqualTo(LocalDate.of(2026, 12, 1).atStartOfDay(BEIJING).toInstant());
    }

    @Test
    void t1WaitsOutTheGoldenWeekAndSettlesOnItsMakeUpSaturday() {
        Instant wednesday = LocalDate.of(2026, 9, 30).atTime(10, 0).atZone(BEIJING).toInstant();
        SettlementClock clock = new SettlementClock(Clock.fixed(wednesday, ZoneOffset.UTC), 1, WorkingDays.builtIn());

        assertThat(clock.nextWorkingDay()).isEqualTo(LocalDate.of(2026, 10, 8).atStartOfDay(BEIJING).toInstant());
        assertThat(clock.isWorkingDay(LocalDate.of(2026, 10, 10))).as("a make-up Saturday").isTrue();
        assertThat(clock.isWorkingDay(LocalDate.of(2026, 10, 7))).as("a holiday Wednesday").isFalse();
    }

    @Test
    void compressionShrinksTheRealWaitForASettlementDay() {
        SettlementClock clock = new SettlementClock(Clock.fixed(FRIDAY, ZoneOffset.UTC), 86_400,
                WorkingDays.weekendsOnly());

        // 14 hours of settlement time until Saturday 00:00 Beijing pass in 14 × 3600 / 86400 s (583.3 ms, rounded up).
        assertThat(clock.realDelayUntil(clock.nextNaturalDay())).isEqualTo(Duration.ofMillis(584));
        assertThat(clock.realDelayUntil(FRIDAY.minusSeconds(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void theSettlementClockRunsFasterThanRealTime() {
        MutableClock real = new MutableClock(FRIDAY);
        SettlementClock clock = new SettlementClock(real, 1000, WorkingDays.weekendsOnly());

        real.advance(Duration.ofSeconds(3));

        assertThat(clock.now()).isEqualTo(FRIDAY.plusSeconds(3000));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aJumpMovesTheClockForwardOnlyAndRealAtFindsWhenAnInstantWasPassed() {
        MutableClock real = new MutableClock(FRIDAY);
        SettlementClock clock = new SettlementClock(real, 1, WorkingDays.weekendsOnly());
        real.advance(Duration.ofMinutes(10));
        Instant jumpedTo = FRIDAY.plus(Duration.ofDays(1));
        Instant jumpedAt = real.instant();

        clock.advanceTo(jumpedTo);
        clock.advanceTo(FRIDAY); // backwards: ignored
        real.advance(Duration.ofMinutes(5));

        assertThat(clock.now()).isEqualTo(jumpedTo.plus(Duration.ofMinutes(5)));
        assertThat(clock.realAt(FRIDAY.plus(Duration.ofMinutes(3)))).as("before the jump")
                .isEqualTo(FRIDAY.plus(Duration.ofMinutes(3)));
        assertThat(clock.realAt(FRIDAY.plus(Duration.ofHours(5)))).as("jumped over").isEqualTo(jumpedAt);
        assertThat(clock.realAt(jumpedTo.plus(Duration.ofMinutes(2)))).as("after the jump")
                .isEqualTo(jumpedAt.plus(Duration.ofMinutes(2)));
        assertThat(clock.realAt(FRIDAY.minus(Duration.ofHours(1)))).as("before the start")
                .isEqualTo(FRIDAY.minus(Duration.ofHours(1)));
    }
}
