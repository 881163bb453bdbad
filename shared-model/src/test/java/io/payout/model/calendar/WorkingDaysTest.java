package io.payout.model.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.CashConfig;
import io.payout.model.account.ExpectedFee;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in 2025 and 2026 announcements, checked day by day against the State Council's notices. */
class WorkingDaysTest {

    private final WorkingDays china = WorkingDays.builtIn();

    @ParameterizedTest(name = "a T1 accepted {0} arrives {1}")
    @CsvSource(textBlock = """
            2025-09-30, 2025-10-09
            2026-09-30, 2026-10-08
            2025-01-27, 2025-02-05
            2025-09-26, 2025-09-28
            2025-10-10, 2025-10-11
            2026-02-13, 2026-02-14
            2026-02-14, 2026-02-24
            2026-02-27, 2026-02-28
            2025-12-31, 2026-01-04
            2026-04-03, 2026-04-07
            2025-03-07, 2025-03-10
            """)
    void theNextWorkingDayFollowsTheAnnouncements(LocalDate accepted, LocalDate arrives) {
        assertThat(china.nextWorkingDay(accepted)).isEqualTo(arrives);
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource(textBlock = """
            2025-09-28, true
            2025-10-11, true
            2025-01-26, true
            2025-04-27, true
            2026-01-04, true
            2026-05-09, true
            2026-09-20, true
            2025-10-08, false
            2025-01-01, false
            2026-02-23, false
            2026-10-07, false
            2025-03-01, false
            2025-03-03, true
            """)
    void makeUpDaysWorkAndHolidaysDoNot(LocalDate day, boolean working) {
        assertThat(china.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void holdsEveryDayOfBothAnnouncements() {
        assertThat(china.years()).containsExactly(2025, 2026);
        // the 13 statutory days of each year, plus one weekday off for each make-up working day
        assertThat(nonWorkingWeekdays(2025)).hasSize(13 + 5);
        assertThat(nonWorkingWeekdays(2026)).hasSize(13 + 6);
        assertThat(workingWeekendDays(2025)).containsExactly(LocalDate.parse("2025-01-26"),
                LocalDate.parse("2025-02-08"), LocalDate.parse("2025-04-27"), LocalDate.parse("2025-09-28"),
                LocalDate.parse("2025-10-11"));
        assertThat(workingWeekendDays(2026)).containsExactly(LocalDate.parse("2026-01-04"),
                LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"),
                LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
    }

    @Test
    void d1OnAMakeUpWorkingDayCostsTheWorkingDayFee() {
        CashConfig d1 = new CashConfig(IntoAcctDateType.D1, true, Amount.parse("2.00"), null, Amount.parse("0.50"),
                null, null, null);
        LocalDate makeUpSunday = LocalDate.parse("2025-09-28");
        LocalDate holidayWednesday = LocalDate.parse("2025-10-08");

        assertThat(ExpectedFee.of(d1, Amount.parse("100.00"), china.isWorkingDay(makeUpSunday)))
                .isEqualTo(Amount.parse("0.50"));
        assertThat(ExpectedFee.of(d1, Amount.parse("100.00"), china.isWorkingDay(holidayWednesday)))
                .isEqualTo(Amount.parse("2.00"));
    }

    @Test
    void aYearWithoutDataFallsBackToWeekendsAndSaysSo() {
        List<LocalDate> unknown = new ArrayList<>();
        WorkingDays listened = china.whenUnknown(unknown::add);

        assertThat(listened.isWorkingDay(LocalDate.parse("2027-10-01"))).isTrue();
        assertThat(listened.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(listened.covers(LocalDate.parse("2027-10-01"))).isFalse();
        assertThat(unknown).containsExactly(LocalDate.parse("2027-10-01"));
    }

    @Test
    void aFileAddsAYearOrReplacesOneWithoutARelease(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("calendar.txt");
        Files.writeString(file, """
                # a correction of 2026 and next year's announcement
                2026-10-01..2026-10-08 holiday 国庆节
                2027-01-01             holiday 元旦
                """);

        WorkingDays corrected = china.withFile(file);

        assertThat(corrected.years()).containsExactly(2025, 2026, 2027);
        assertThat(corrected.isWorkingDay(LocalDate.parse("2026-10-08"))).isFalse();
        assertThat(corrected.isWorkingDay(LocalDate.parse("2026-10-10"))).as("2026 replaced whole").isFalse();
        assertThat(corrected.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(corrected.isWorkingDay(LocalDate.parse("2025-09-28"))).isTrue();
        assertThat(corrected.withHolidays(List.of(LocalDate.parse("2025-09-29"))).isWorkingDay(
                LocalDate.parse("2025-09-29"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a make-up day on a weekday | 2025-09-29 workday x | a make-up working day is a Saturday or Sunday
            a day twice                | 2025-10-04 holiday x\\n2025-10-04 workday y | both as a holiday and as a workday
            not a date                 | 2025-13-01 holiday x | not a date
            a backwards range          | 2025-10-08..2025-10-01 holiday x | forwards within one year
            no kind                    | 2025-10-01 | expected
            """)
    void refusesAFileThatCannotBeAnAnnouncement(String what, String text, String message,
                                                @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, text.replace("\\n", "\n"));

        assertThatIllegalArgumentException().as(what).isThrownBy(() -> china.withFile(file))
                .withMessageContaining("line ").withMessageContaining(message);
    }

    private List<LocalDate> nonWorkingWeekdays(int year) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !china.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private List<LocalDate> workingWeekendDays(int year) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6 && china.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }
}
