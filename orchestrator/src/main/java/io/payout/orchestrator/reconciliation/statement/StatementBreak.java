package io.payout.orchestrator.reconciliation.statement;

import java.util.Objects;

/** One disagreement found in the statement of a trade date; (tradeDate, breakClass, reqSeqId) is its identity. */
public record StatementBreak(String tradeDate, BreakClass breakClass, String huifuId, String reqSeqId,
                             String withdrawalId, String detail) {

    public StatementBreak {
        Objects.requireNonNull(tradeDate, "trade date is required");
        Objects.requireNonNull(breakClass, "break class is required");
        Objects.requireNonNull(reqSeqId, "req_seq_id is required");
    }
}
