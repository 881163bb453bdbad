package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    private static final long YEAR_0000 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesAndReadsWhatTheJdkDoesAcrossFourDigitYearsAndEveryPrecision() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(YEAR_0000 - 86_400, YEAR_10000 + 86_400);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            String text = IsoInstants.format(instant);

            assertThat(text).isEqualTo(instant.toString());
            assertThat(IsoInstants.parse(text)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T08:00:00Z", "2026-01-31T08:00:00.1Z", "2026-01-31T08:00:00.123456789Z",
            "2024-02-29T23:59:59.000Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2026-01-31t08:00:00z", "2026-01-31T08:00:00+08:00", "2026-01-31T24:00:00Z",
            "2026-12-31T23:59:60Z", "+12026-01-31T08:00:00Z", "2026-01-31T08:00:00.Z"})
    void readsTheSameInstantAsTheJdk(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T08:00:00Z", "2025-02-29T08:00:00Z", "2026-13-01T08:00:00Z",
            "2026-01-31T08:60:00Z", "2026-01-31T08:00:00.1234567890Z", "2026-1-31T08:00:00Z",
            "2026-01-31 08:00:00Z", "2026-01-31T08:00:00", "2026-01-31T08:00:0xZ", "2026-01-31", "", "not a time"})
    void refusesWhatTheJdkRefusesWithItsException(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
