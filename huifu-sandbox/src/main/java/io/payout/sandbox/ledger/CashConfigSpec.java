package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.CashConfig;
import io.payout.model.account.ExpectedFee;
import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One {@code cash_config} entry (PROTOCOL.md §6): the fee of one cash type and who pays it.
 * {@code out_fee_flag} 1 = 外扣 (fee charged on top, to {@code out_fee_huifu_id} or the account itself),
 * 2 = 内扣 (default: fee taken out of the amount). For D1, {@code weekday_*} is the working-day fee and
 * {@code fix_amt}/{@code fee_rate} the holiday fee.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CashConfigSpec(
        String cashType,
        Amount fixAmt,
        String feeRate,
        String outFeeFlag,
        String outFeeHuifuId,
        String switchState,
        Amount weekdayFixAmt,
        String weekdayFeeRate) {

    public CashConfigSpec {
        type(cashType);
        fixAmt = fixAmt == null ? Amount.ZERO : fixAmt;
        feeRate = feeRate == null || feeRate.isBlank() ? "0.00" : feeRate;
        rate("fee_rate", feeRate);
        outFeeFlag = outFeeFlag == null || outFeeFlag.isBlank() ? "2" : outFeeFlag;
        if (!outFeeFlag.equals("1") && !outFeeFlag.equals("2")) {
            throw new IllegalArgumentException("out_fee_flag must be 1 (外扣) or 2 (内扣): " + outFeeFlag);
        }
        switchState = switchState == null || switchState.isBlank() ? "1" : switchState;
        if (!switchState.equals("0") && !switchState.equals("1")) {
            throw new IllegalArgumentException("switch_state must be 0 or 1: " + switchState);
        }
        if (weekdayFeeRate != null) {
            rate("weekday_fee_rate", weekdayFeeRate);
        }
    }

    /** Switched on, 内扣, fee = {@code fixAmt} + {@code feeRatePercent}% of the amount. */
    public static CashConfigSpec inside(IntoAcctDateType type, String fixAmt, String feeRatePercent) {
        return new CashConfigSpec(type.name(), Amount.parse(fixAmt), feeRatePercent, "2", null, "1", null, null);
    }

    /** Switched on, 外扣 paid by {@code payerHuifuId} (null: the withdrawing account itself). */
    public static CashConfigSpec outside(IntoAcctDateType type, String fixAmt, String feeRatePercent,
                                         String payerHuifuId) {
        return new CashConfigSpec(type.name(), Amount.parse(fixAmt), feeRatePercent, "1", payerHuifuId, "1",
                null, null);
    }

    public IntoAcctDateType type() {
        return type(cashType);
    }

    public boolean switchedOn() {
        return "1".equals(switchState);
    }

    public boolean feeInside() {
        return "2".equals(outFeeFlag);
    }

    /**
     * fee = fix_amt + cash_amt × fee_rate%, the product rounded half-up to fen (PROTOCOL.md §8); D1's working-day fee
     * on a working day. The rule is the orchestrator's too: {@link ExpectedFee}.
     */
    public Amount feeFor(Amount cash, boolean workingDay) {
        CashConfig config = new CashConfig(type(), switchedOn(), fixAmt, new BigDecimal(feeRate), weekdayFixAmt,
                weekdayFeeRate == null ? null : new BigDecimal(weekdayFeeRate), null, outFeeHuifuId);
        return ExpectedFee.of(config, cash, workingDay);
    }

    private static IntoAcctDateType type(String cashType) {
        try {
            return IntoAcctDateType.valueOf(cashType);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cash_type must be D0, D1, T1 or DM: " + cashType);
        }
    }

    private static void rate(String field, String text) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a percentage such as 0.05: " + text);
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(field + " must be between 0 and 100 (percent): " + text);
        }
    }
}
