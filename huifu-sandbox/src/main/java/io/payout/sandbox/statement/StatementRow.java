package io.payout.sandbox.statement;

import io.payout.model.Amount;
import java.time.Instant;

/**
 * One withdrawal as a statement shows it: its status as of the statement's generation, any alteration applied.
 * {@code cardNo} is already masked (first 6, last 4); {@code endTime} is null while still processing.
 */
record StatementRow(
        String huifuId,
        String reqDate,
        String reqSeqId,
        String hfSeqId,
        String acctId,
        Amount cashAmt,
        Amount feeAmt,
        String intoAcctDateType,
        String transStatus,
        String acctStatus,
        String tokenNo,
        String cardNo,
        Instant transTime,
        Instant endTime) {
}
