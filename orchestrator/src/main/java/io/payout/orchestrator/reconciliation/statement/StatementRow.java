package io.payout.orchestrator.reconciliation.statement;

import io.payout.model.Amount;
import java.util.Objects;

/** The columns of one outcash row the matcher needs; transStatus is Huifu's S, F or P. */
public record StatementRow(String huifuId, String reqDate, String reqSeqId, Amount cashAmt, Amount feeAmt,
                           String transStatus) {

    public StatementRow {
        Objects.requireNonNull(reqSeqId, "req_seq_id is required");
        Objects.requireNonNull(cashAmt, "cash_amt is required");
        Objects.requireNonNull(transStatus, "trans_status is required");
    }
}
