package io.payout.sandbox.lifecycle;

/** The idempotency key of a withdrawal request: req_seq_id is unique per huifu_id per day (PROTOCOL.md §9). */
public record SerialKey(String huifuId, String reqDate, String reqSeqId) {
}
