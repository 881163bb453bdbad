package io.payout.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

    private final ConsoleFormat format = new ConsoleFormat();

    @Test
    void writesAmountsAsYuanWithThousandsSeparatorsAndTwoDecimals() {
        assertThat(format.money(new BigDecimal("1234.5"))).isEqualTo("¥1,234.50");
        assertThat(format.money(Amount.parse("1234567.89"))).isEqualTo("¥1,234,567.89");
        assertThat(format.money(Amount.parse("0.10"))).isEqualTo("¥0.10");
        assertThat(format.money((Amount) null)).isEmpty();
    }

    @Test
    void showsBeijingTimeWithTheUtcInstantBeside() {
        Instant lateEvening = Instant.parse("2026-12-04T22:30:05Z");

        assertThat(format.beijing(lateEvening)).isEqualTo("2026-12-05 06:30:05");
        assertThat(format.utc(lateEvening)).isEqualTo("2026-12-04T22:30:05Z");
    }

    @Test
    void masksCardNumbersNamesAndNumbersInFreeText() {
        assertThat(format.card("6222020200112233")).isEqualTo("****2233");
        assertThat(format.name("张三丰")).isEqualTo("张**");
        assertThat(format.text("card 6222020200112233 refused")).doesNotContain("6222020200112233")
                .contains("6222****2233");
    }
}
