package io.payout.orchestrator.huifu;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;

/** One withdrawal serial to send: (huifu_id, req_date, req_seq_id) identifies it at Huifu. */
public record SubmitCommand(String huifuId, String reqDate, String reqSeqId, Amount cashAmt,
                            IntoAcctDateType intoAcctDateType, String tokenNo, String acctId, String remark) {
}
