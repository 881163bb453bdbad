package io.payout.orchestrator.reconciliation;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;

/** One serial of the business date: our view against Huifu's answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReconciliationLine(String withdrawalId, String huifuId, String reqSeqId, boolean currentSerial,
                                 WithdrawalStatus status, Amount cashAmt, Amount feeAmt, String huifuTransStatus,
                                 Amount huifuCashAmt, Amount huifuFeeAmt, Result result, String detail) {

    public enum Result { MATCH, MISMATCH, UNANSWERED }

    static final String CSV_HEADER = "withdrawal_id,huifu_id,req_seq_id,current_serial,status,cash_amt,fee_amt,"
            + "huifu_trans_status,huifu_cash_amt,huifu_fee_amt,result,detail";

    String csv() {
        return String.join(",", withdrawalId, huifuId, reqSeqId, String.valueOf(currentSerial), status.name(),
                text(cashAmt), text(feeAmt), text(huifuTransStatus), text(huifuCashAmt), text(huifuFeeAmt),
                result.name(), quoted(detail));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String quoted(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
