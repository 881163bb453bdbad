package io.payout.model.account;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.math.BigDecimal;

/**
 * The fee Huifu should charge for a withdrawal under a known cash configuration (CONTRACT.md §6): {@code fix_amt}
 * plus {@code cash_amt × fee_rate %}, half-up to the fen. D1 has two fees: the working-day one
 * ({@code weekday_*}) on a working day when it is configured, otherwise the holiday one. Who pays (内扣/外扣) does
 * not change the fee, only the account it is taken from.
 */
public final class ExpectedFee {

    private ExpectedFee() {
    }

    /**
     * @param workingDay whether the withdrawal's {@code req_date} is a working day in China (only D1 asks)
     */
    public static Amount of(CashConfig config, Amount cashAmt, boolean workingDay) {
        Amount fixAmt = config.fixAmt();
        BigDecimal feeRate = config.feeRate();
        boolean weekdayFee = config.weekdayFixAmt() != null || config.weekdayFeeRate() != null;
        if (config.cashType() == IntoAcctDateType.D1 && workingDay && weekdayFee) {
            fixAmt = config.weekdayFixAmt();
            feeRate = config.weekdayFeeRate();
        }
        Amount fee = fixAmt == null ? Amount.ZERO : fixAmt;
        return feeRate == null ? fee : fee.plus(cashAmt.percent(feeRate));
    }
}
