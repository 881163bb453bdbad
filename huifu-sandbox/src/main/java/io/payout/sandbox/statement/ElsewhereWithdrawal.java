package io.payout.sandbox.statement;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A withdrawal Huifu carried out that no client of the sandbox submitted (the console, another system): it is
 * paid at once, in the ledger and on the statement, and unknown to the orchestrator. Optional fields default to: a
 * generated {@code req_seq_id}, today's real {@code req_date}, D0, the account's first card.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ElsewhereWithdrawal(String huifuId, Amount cashAmt, String reqDate, String reqSeqId,
                                  IntoAcctDateType intoAcctDateType, String tokenNo) {

    public ElsewhereWithdrawal {
        if (huifuId == null || huifuId.isBlank()) {
            throw new IllegalArgumentException("huifu_id is required");
        }
        if (cashAmt == null || cashAmt.isZero()) {
            throw new IllegalArgumentException("cash_amt is required and must be positive");
        }
        intoAcctDateType = intoAcctDateType == null ? IntoAcctDateType.D0 : intoAcctDateType;
    }

    /** {@code cashAmt} from the account's first card, D0, on {@code reqDate} (yyyyMMdd; null: today). */
    public static ElsewhereWithdrawal of(String huifuId, String cashAmt, String reqDate) {
        return new ElsewhereWithdrawal(huifuId, Amount.parse(cashAmt), reqDate, null, null, null);
    }
}
