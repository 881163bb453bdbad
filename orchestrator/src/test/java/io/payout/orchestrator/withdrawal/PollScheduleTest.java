package io.payout.orchestrator.withdrawal;

import static io.payout.model.IntoAcctDateType.D0;
import static io.payout.model.IntoAcctDateType.D1;
import static io.payout.model.IntoAcctDateType.DM;
import static io.payout.model.IntoAcctDateType.T1;
import static io.payout.model.WithdrawalStatus.ACCOUNTED;
import static io.payout.model.WithdrawalStatus.PROCESSING;
import static io.payout.model.WithdrawalStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.model.calendar.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    /** Thursday 2026-11-26 10:00 Beijing. */
    private static final Instant THURSDAY_10 = beijing("2026-11-26T10:00");
    private static final Instant FRIDAY_18 = beijing("2026-11-27T18:00");

    /** The schedule on weekends and {@code holidays} only, so its cases do not move with the real calendar. */
    static PollSchedule.Settings props(double compression, List<LocalDate> holidays) {
        return new PollSchedule.Settings(compression, Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(7), Duration.ofSeconds(1),
                WorkingDays.weekendsOnly().withHolidays(holidays));
    }

    private static final PollSchedule SCHEDULE = new PollSchedule(props(1, List.of()));

    /** state, cash type, age since acceptance (Thursday 10:00 Beijing) -> wait until the next query, overdue. */
    @ParameterizedTest(name = "{0} {1} aged {2}: next query in {3}, overdue {4}")
    @CsvSource({
            // D0/DM: expected within minutes, polled closely, widening with age up to 30 minutes
            "PROCESSING, D0, PT30S,   PT15S,  false",
            "PROCESSING, D0, PT5S,    PT10S,  false",
            "ACCOUNTED,  DM, PT10M,   PT5M,   false",
            "ACCOUNTED,  D0, PT2H,    PT30M,  false",
            "REQUESTED,  DM, PT3H,    PT30M,  false",
            // T1 on Thursday: expected Friday 00:00 (14h away): lightly, at most half the wait or 12h, never past it
            "PROCESSING, T1, PT30S,   PT12H,  false",
            "PROCESSING, T1, PT2H,    PT12H,  false",
            "PROCESSING, T1, PT11H,   PT3H,   false",
            // after the expected arrival: closely again, widening with the time since
            "ACCOUNTED,  T1, PT14H,   PT10S,  false",
            "ACCOUNTED,  T1, PT15H,   PT30M,  false",
            "ACCOUNTED,  T1, PT14H10M, PT5M,  false",
            // D1: the next natural day, like T1 on a weekday
            "PROCESSING, D1, PT2H,    PT12H,  false",
            "ACCOUNTED,  D1, PT14H2M, PT1M,   false",
            // past the horizon: still polled at the widest interval, flagged
            "PROCESSING, D0, P7D,     PT30M,  true",
            "ACCOUNTED,  T1, P8D,     PT30M,  true",
    })
    void nextQueryByStateCashTypeAndAge(WithdrawalStatus status, IntoAcctDateType type, Duration age,
                                        Duration wait, boolean overdue) {
        Instant now = THURSDAY_10.plus(age);

        PollSchedule.Poll poll = SCHEDULE.next(status, type, THURSDAY_10, now);

        assertThat(Duration.between(now, poll.at())).isEqualTo(wait);
        assertThat(poll.overdue()).isEqualTo(overdue);
    }

    @Test
    void t1AcceptedOnFridayEveningWaitsForMondayAndIsQueriedOnlyAHandfulOfTimesBeforeIt() {
        Instant expected = SCHEDULE.expectedArrival(T1, FRIDAY_18);
        assertThat(expected).isEqualTo(beijing("2026-11-30T00:00"));

        int queries = queriesBefore(SCHEDULE, T1, FRIDAY_18, expected);

        assertThat(queries).isBetween(2, 6);
    }

    @Test
    void t1WaitsOutConfiguredHolidaysAndStillPollsLightlyAcrossAWeekOfThem() {
        List<LocalDate> goldenWeek = List.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"),
                LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07"));
        PollSchedule schedule = new PollSchedule(props(1, goldenWeek));
        Instant accepted = beijing("2026-09-30T15:00");

        Instant expected = schedule.expectedArrival(T1, accepted);

        assertThat(expected).isEqualTo(beijing("2026-10-08T00:00"));
        assertThat(queriesBefore(schedule, T1, accepted, expected)).isBetween(2, 8);
        assertThat(schedule.expectedArrival(D1, accepted)).isEqualTo(beijing("2026-10-01T00:00"));
    }

    /** Mainland China's announced calendar: holiday weeks and their make-up working days move T1's arrival. */
    @ParameterizedTest(name = "T1 accepted {0} Beijing is expected {1} 00:00")
    @CsvSource({
            "2025-09-30T15:00, 2025-10-09",
            "2026-09-30T15:00, 2026-10-08",
            "2025-09-26T15:00, 2025-09-28",
            "2026-02-13T15:00, 2026-02-14",
    })
    void t1FollowsTheAnnouncedHolidaysAndMakeUpWorkingDays(String accepted, LocalDate expected) {
        PollSchedule china = new PollSchedule(new PollSchedule.Settings(1, Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(7),
                Duration.ofSeconds(1), WorkingDays.builtIn()));

        assertThat(china.expectedArrival(T1, beijing(accepted)))
                .isEqualTo(expected.atStartOfDay(BusinessCalendar.BEIJING).toInstant());
    }

    @Test
    void d0IsQueriedManyTimesWithinTheFirstHourButNeverMoreOftenThanTheCloseInterval() {
        Instant end = THURSDAY_10.plus(Duration.ofHours(1));
        int queries = queriesBefore(SCHEDULE, D0, THURSDAY_10, end);

        assertThat(queries).isBetween(8, 20);
    }

    @Test
    void timeCompressionDividesEveryWaitAndTheWaitUntilTheExpectedArrival() {
        PollSchedule compressed = new PollSchedule(props(3600, List.of()));
        // 2 real seconds after acceptance = 2 business hours: T1 waits 12 business hours = 12 real seconds
        Instant now = THURSDAY_10.plusSeconds(2);

        PollSchedule.Poll poll = compressed.next(PROCESSING, T1, THURSDAY_10, now);

        assertThat(Duration.between(now, poll.at())).isEqualTo(Duration.ofSeconds(12));
        // 7 business days = 168 real seconds
        assertThat(compressed.next(PROCESSING, D0, THURSDAY_10, THURSDAY_10.plusSeconds(168)).overdue()).isTrue();
        assertThat(compressed.next(PROCESSING, D0, THURSDAY_10, THURSDAY_10.plusSeconds(167)).overdue()).isFalse();
    }

    @Test
    void neverWaitsLessThanTheMinimumRealWaitHoweverCompressed() {
        PollSchedule compressed = new PollSchedule(props(86400, List.of()));

        PollSchedule.Poll poll = compressed.next(ACCOUNTED, D0, THURSDAY_10, THURSDAY_10.plusMillis(10));

        assertThat(Duration.between(THURSDAY_10.plusMillis(10), poll.at())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aWithdrawalIsOverdueFromTheHorizonOnWhateverItsState() {
        assertThat(SCHEDULE.isOverdue(D0, THURSDAY_10, THURSDAY_10.plus(Duration.ofDays(7)).minusMillis(1))).isFalse();
        assertThat(SCHEDULE.isOverdue(D0, THURSDAY_10, THURSDAY_10.plus(Duration.ofDays(7)))).isTrue();
        assertThat(SCHEDULE.next(REQUESTED, T1, THURSDAY_10, THURSDAY_10.plus(Duration.ofDays(9))).overdue()).isTrue();
    }

    @Test
    void theDaysBeforeAT1CanBePaidDoNotCountTowardsTheHorizon() {
        // the real calendar: Tuesday 2025-09-30's T1 arrives Thursday 2025-10-09, after National Day and Mid-Autumn
        PollSchedule china = new PollSchedule(new PollSchedule.Settings(1, Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(7),
                Duration.ofSeconds(1), WorkingDays.builtIn()));
        Instant accepted = beijing("2025-09-30T10:00");
        assertThat(china.expectedArrival(T1, accepted)).isEqualTo(beijing("2025-10-09T00:00"));

        // seven days counted from 1 October, plus the eight days from 1 to 9 October without a T1 payout
        assertThat(china.isOverdue(T1, accepted, beijing("2025-10-15T09:59"))).isFalse();
        assertThat(china.isOverdue(T1, accepted, beijing("2025-10-15T10:00"))).isTrue();
        // D1 pays on holidays too: its horizon is seven natural days
        assertThat(china.isOverdue(D1, accepted, beijing("2025-10-07T10:00"))).isTrue();
    }

    @Test
    void refusesToScheduleAFinalWithdrawal() {
        assertThatThrownBy(() -> SCHEDULE.next(WithdrawalStatus.SUCCEEDED, D0, THURSDAY_10, THURSDAY_10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final");
        assertThat(SCHEDULE.next(REQUESTED, D0, THURSDAY_10, THURSDAY_10).overdue()).isFalse();
    }

    /** How many queries the schedule makes from {@code from} (the first one shortly after) until {@code until}. */
    private static int queriesBefore(PollSchedule schedule, IntoAcctDateType type, Instant accepted, Instant until) {
        int queries = 0;
        Instant at = accepted.plusSeconds(30);
        while (at.isBefore(until)) {
            queries++;
            at = schedule.next(PROCESSING, type, accepted, at).at();
        }
        return queries;
    }

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.BEIJING).toInstant();
    }
}
