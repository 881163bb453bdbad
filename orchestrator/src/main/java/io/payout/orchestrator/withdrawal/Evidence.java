package io.payout.orchestrator.withdrawal;

import io.payout.model.Amount;
import io.payout.model.EventSource;

/**
 * One piece of evidence about a withdrawal: its kind for the transition table, the serial it speaks of, what
 * Huifu said (codes, serial numbers, amounts, when given), the raw text kept in the history, and whether Huifu asked
 * us to slow down (an unanswered call that was throttled waits longer before the next one).
 */
public record Evidence(EvidenceKind kind, SerialKey serial, String code, String text, String hfSeqId,
                       Amount cashAmt, Amount feeAmt, String raw, boolean slowDown) {

    public EventSource source() {
        return kind.source();
    }

    public static Evidence of(EvidenceKind kind, SerialKey serial, String code, String text, String raw) {
        return new Evidence(kind, serial, code, text, null, null, null, raw, false);
    }
}
