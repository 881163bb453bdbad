package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.CashConfigEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The expected fee from the registry's cash configuration, and when Huifu's fee is a mismatch. */
class ExpectedFeesTest {

    private static final Amount THOUSAND = Amount.parse("1000.00");
    private static final AccountFacts ACCOUNT = new AccountFacts("6666000123456789", AccountKind.USER, null, List.of(
            new CashConfigEntry(IntoAcctDateType.T1, "1", Amount.parse("1.00"), "0.05", null, null, "2", null),
            new CashConfigEntry(IntoAcctDateType.D1, "1", Amount.parse("2.00"), "0.10", Amount.parse("0.50"), "0.03",
                    "1", "6666000100000000")), null);

    @Test
    void fixedPlusRateOfTheAmount() {
        // 1.00 + 1000.00 × 0.05 % = 1.50
        assertThat(ExpectedFees.expected(ACCOUNT, IntoAcctDateType.T1, THOUSAND, true)).contains(Amount.parse("1.50"));
    }

    @Test
    void d1TakesTheWorkingDayFeeOnAWorkingDayAndTheHolidayFeeOtherwise() {
        // working day: 0.50 + 0.30; holiday: 2.00 + 1.00
        assertThat(ExpectedFees.expected(ACCOUNT, IntoAcctDateType.D1, THOUSAND, true)).contains(Amount.parse("0.80"));
        assertThat(ExpectedFees.expected(ACCOUNT, IntoAcctDateType.D1, THOUSAND, false))
                .contains(Amount.parse("3.00"));
    }

    @Test
    void nothingIsExpectedWhereTheConfigurationIsUnknown() {
        AccountFacts unknown = AccountFacts.unknown("6666000123456789", AccountKind.USER);

        assertThat(ExpectedFees.expected(unknown, IntoAcctDateType.T1, THOUSAND, true)).isEmpty();
        assertThat(ExpectedFees.expected(ACCOUNT, IntoAcctDateType.D0, THOUSAND, true)).isEmpty();
    }

    @Test
    void aMismatchNeedsBothFeesAndADifference() {
        Optional<Amount> expected = Optional.of(Amount.parse("1.50"));

        assertThat(ExpectedFees.mismatch(expected, Amount.parse("1.51"))).isTrue();
        assertThat(ExpectedFees.mismatch(expected, Amount.parse("1.50"))).isFalse();
        assertThat(ExpectedFees.mismatch(expected, null)).isFalse();
        assertThat(ExpectedFees.mismatch(Optional.empty(), Amount.parse("9.99"))).isFalse();
    }
}
