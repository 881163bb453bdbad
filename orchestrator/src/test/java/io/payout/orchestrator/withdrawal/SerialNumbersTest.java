package io.payout.orchestrator.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    @Test
    void reqDateIsTheBeijingDateTurningAtSixteenUtc() {
        assertThat(SerialNumbers.reqDate(Instant.parse("2026-01-31T15:59:59.999Z"))).isEqualTo("20260131");
        assertThat(SerialNumbers.reqDate(Instant.parse("2026-01-31T16:00:00Z"))).isEqualTo("20260201");
        assertThat(SerialNumbers.reqDate(Instant.parse("2026-12-31T16:00:00Z"))).isEqualTo("20270101");
    }

    @Test
    void reqDateIsWhatTheFormatterWrites() {
        DateTimeFormatter yyyyMMdd = DateTimeFormatter.ofPattern("yyyyMMdd");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(946_684_800L, 4_102_444_800L));
            assertThat(SerialNumbers.reqDate(instant))
                    .isEqualTo(LocalDate.ofInstant(instant, SerialNumbers.BEIJING).format(yyyyMMdd));
        }
    }

    @Test
    void reqSeqIdIsThirtyTwoLowerCaseHexDigitsNeverRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            SerialKey serial = SerialNumbers.next("6666000123456789", Instant.parse("2026-01-31T08:00:00Z"));
            assertThat(serial.reqSeqId()).matches("[0-9a-f]{32}");
            assertThat(serial.reqDate()).isEqualTo("20260131");
            assertThat(seen.add(serial.reqSeqId())).isTrue();
        }
    }
}
