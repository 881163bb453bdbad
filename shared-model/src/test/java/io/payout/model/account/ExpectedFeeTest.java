package io.payout.model.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedFeeTest {

    @ParameterizedTest(name = "{0} {1} on a {2} day: {7}")
    @CsvSource(nullValues = "-", textBlock = """
            T1, 1000.00, working, 1.00, -,    -,    -,    1.00
            T1, 1000.00, working, -,    0.05, -,    -,    0.50
            T1, 1000.00, working, 1.00, 0.05, -,    -,    1.50
            T1, 333.33,  working, -,    0.05, -,    -,    0.17
            T1, 10.00,   working, -,    0.05, -,    -,    0.01
            T1, 9.00,    working, -,    0.05, -,    -,    0.00
            D1, 1000.00, working, 2.00, 0.10, 0.50, 0.03, 0.80
            D1, 1000.00, holiday, 2.00, 0.10, 0.50, 0.03, 3.00
            D1, 1000.00, working, 2.00, 0.10, -,    -,    3.00
            D1, 1000.00, working, 2.00, -,    -,    0.03, 0.30
            DM, 0.01,    holiday, 0.00, 100,  -,    -,    0.01
            """)
    void isTheFixedFeePlusTheRateHalfUpToTheFen(IntoAcctDateType type, String cashAmt, String day, String fixAmt,
                                                 String feeRate, String weekdayFixAmt, String weekdayFeeRate,
                                                 String expected) {
        CashConfig config = new CashConfig(type, true, amount(fixAmt), rate(feeRate), amount(weekdayFixAmt),
                rate(weekdayFeeRate), null, null);

        assertThat(ExpectedFee.of(config, Amount.parse(cashAmt), "working".equals(day)))
                .isEqualTo(Amount.parse(expected));
    }

    private static Amount amount(String text) {
        return text == null ? null : Amount.parse(text);
    }

    private static BigDecimal rate(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
