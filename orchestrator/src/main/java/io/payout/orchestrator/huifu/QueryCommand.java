package io.payout.orchestrator.huifu;

/** Asks Huifu for the current truth of one serial. */
public record QueryCommand(String huifuId, String reqDate, String reqSeqId) {
}
