package io.payout.orchestrator.account;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.CashConfig;
import io.payout.model.account.CashConfigEntry;
import io.payout.model.account.ExpectedFee;
import io.payout.model.account.FeeBearer;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The fee a withdrawal should cost under the cash configuration the registry knows when it is sent (CONTRACT.md §6,
 * {@code expected_fee_amt}), and whether Huifu's {@code fee_amt} differs ({@code FEE_MISMATCH}). Where the
 * configuration of the type is unknown, nothing is expected and nothing can mismatch.
 */
public final class ExpectedFees {

    private ExpectedFees() {
    }

    /** @param workingDay whether the withdrawal's {@code req_date} is a working day (only D1 asks) */
    public static Optional<Amount> expected(AccountFacts account, IntoAcctDateType cashType, Amount cashAmt,
                                            boolean workingDay) {
        if (account.cashConfig() == null) {
            return Optional.empty();
        }
        return account.cashConfig().stream().filter(entry -> entry.cashType() == cashType).findFirst()
                .map(entry -> ExpectedFee.of(config(entry), cashAmt, workingDay));
    }

    /** A mismatch only when both fees are known: a Huifu answer without {@code fee_amt} says nothing about it. */
    public static boolean mismatch(Optional<Amount> expected, Amount huifuFee) {
        return expected.isPresent() && huifuFee != null && expected.get().compareTo(huifuFee) != 0;
    }

    private static CashConfig config(CashConfigEntry entry) {
        return new CashConfig(entry.cashType(), !"0".equals(entry.switchState()), entry.fixAmt(),
                rate(entry.feeRate()), entry.weekdayFixAmt(), rate(entry.weekdayFeeRate()),
                FeeBearer.ofCode(entry.outFeeFlag()), entry.outFeeHuifuId());
    }

    private static BigDecimal rate(String percent) {
        return percent == null ? null : new BigDecimal(percent);
    }
}
