package io.payout.model.account;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One cash type's configuration as {@code account.updates} publishes it: in the request's field names
 * ({@code out_fee_*}, not the detail query's {@code out_cash_*}) and codes, rates as Huifu writes them (percent).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CashConfigEntry(
        IntoAcctDateType cashType,
        String switchState,
        Amount fixAmt,
        String feeRate,
        Amount weekdayFixAmt,
        String weekdayFeeRate,
        String outFeeFlag,
        String outFeeHuifuId) {

    public static CashConfigEntry of(CashConfig config) {
        return new CashConfigEntry(config.cashType(),
                config.switchedOn() == null || config.switchedOn() ? "1" : "0",
                config.fixAmt(),
                config.feeRate() == null ? null : config.feeRate().toPlainString(),
                config.weekdayFixAmt(),
                config.weekdayFeeRate() == null ? null : config.weekdayFeeRate().toPlainString(),
                config.feeBearer() == null ? null : config.feeBearer().code(),
                config.outFeeHuifuId());
    }
}
