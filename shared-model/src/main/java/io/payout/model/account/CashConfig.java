package io.payout.model.account;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.math.BigDecimal;

/**
 * One cash type's configuration (ACCOUNTS.md A3.1 {@code cash_config[]}, CONTRACT.md §6), in the request's field
 * names. For D1, {@code fixAmt}/{@code feeRate} are the holiday fee and {@code weekday*} the working-day fee.
 *
 * @param switchedOn null where the request has no {@code switch_state} (account opening: the types listed are on)
 * @param feeRate    a percentage: {@code 0.05} means 0.05 %
 * @param feeBearer  null when not given (Huifu's default is {@link FeeBearer#INTERNAL})
 */
public record CashConfig(
        IntoAcctDateType cashType,
        Boolean switchedOn,
        Amount fixAmt,
        BigDecimal feeRate,
        Amount weekdayFixAmt,
        BigDecimal weekdayFeeRate,
        FeeBearer feeBearer,
        String outFeeHuifuId) {

    /** {@link #feeBearer()} with Huifu's default applied. */
    public FeeBearer effectiveFeeBearer() {
        return feeBearer == null ? FeeBearer.INTERNAL : feeBearer;
    }
}
