package io.payout.orchestrator.withdrawal;

/** A serial as Huifu identifies it: req_seq_id is unique per huifu_id per Beijing day (PROTOCOL.md §9). */
public record SerialKey(String huifuId, String reqDate, String reqSeqId) {
}
