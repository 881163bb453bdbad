package io.payout.orchestrator.reconciliation.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class StatementScheduleTest {

    private static final LocalTime ELEVEN_THIRTY = LocalTime.of(11, 30);

    @Test
    void yesterdaysStatementIsAskedForFromElevenThirtyBeijingOnEveryNaturalDay() {
        // Thursday 2025-10-02, a public holiday: D0, D1 and DM paid out the day before, so its statement is due
        assertThat(StatementSchedule.dueTradeDates(beijing("2025-10-02T11:29:59"), ELEVEN_THIRTY))
                .containsExactly("20250930");
        assertThat(StatementSchedule.dueTradeDates(beijing("2025-10-02T11:30"), ELEVEN_THIRTY))
                .containsExactly("20251001", "20250930");
    }

    @Test
    void theFirstTryIsBeijingTimeWhateverTheServersZone() {
        // 03:45 UTC is 11:45 in Beijing
        ZonedDateTime utc = ZonedDateTime.of(LocalDateTime.parse("2026-11-27T03:45"), ZoneId.of("UTC"));

        assertThat(StatementSchedule.dueTradeDates(utc, ELEVEN_THIRTY)).containsExactly("20261126", "20261125");
        assertThat(StatementSchedule.dueTradeDates(utc.minusMinutes(16), ELEVEN_THIRTY)).containsExactly("20261125");
    }

    private static ZonedDateTime beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai"));
    }
}
