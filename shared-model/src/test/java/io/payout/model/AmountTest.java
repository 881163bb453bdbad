package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmountTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "100.00", "99999999999.99"})
    void acceptsWithdrawalAmountsInHuifusFormat(String text) {
        Amount amount = Amount.parseCashAmount("cash_amt", text);

        assertThat(amount.toString()).isEqualTo(text);
        assertThat(amount.value().scale()).isEqualTo(2);
    }

    @Test
    void rejectsZeroAsWithdrawalAmountNamingTheMinimum() {
        assertThatThrownBy(() -> Amount.parseCashAmount("cash_amt", "0.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cash_amt must be at least 0.01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.000", "-1.00", "01.00", "1e2", "100", ".50", "1,00", " 1.00", "１.００",
            "100000000000.00"})
    void rejectsMalformedAmountsNamingTheFormatRule(String text) {
        assertThatThrownBy(() -> Amount.parseCashAmount("cash_amt", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cash_amt must be yuan with exactly two decimals");
    }

    @Test
    void rejectsTheEmptyStringAsMissing() {
        assertThatThrownBy(() -> Amount.parseCashAmount("cash_amt", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cash_amt is required");
    }

    @Test
    void zeroIsAValidFee() {
        assertThat(Amount.parse("fee_amt", "0.00").isZero()).isTrue();
    }

    @Test
    void feeRoundsHalfUpToFen() {
        // 100.00 × 0.05% = 0.05; 1234.50 × 0.05% = 0.61725 -> 0.62; 10.10 × 0.05% = 0.00505 -> 0.01
        assertThat(Amount.parse("100.00").percent(new BigDecimal("0.05"))).isEqualTo(Amount.parse("0.05"));
        assertThat(Amount.parse("1234.50").percent(new BigDecimal("0.05"))).isEqualTo(Amount.parse("0.62"));
        assertThat(Amount.parse("10.10").percent(new BigDecimal("0.05"))).isEqualTo(Amount.parse("0.01"));
        assertThat(Amount.parse("100.00").percent(new BigDecimal("0.05")).plus(Amount.parse("1.00")))
                .isEqualTo(Amount.parse("1.05"));
    }

    @Test
    void neverGoesNegative() {
        assertThatThrownBy(() -> Amount.parse("1.00").minus(Amount.parse("2.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void refusesAValueWithoutScaleTwo() {
        assertThatThrownBy(() -> new Amount(new BigDecimal("1.5")))
                .hasMessageContaining("scale 2");
    }
}
