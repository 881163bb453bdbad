package io.payout.orchestrator.withdrawal;

import io.payout.model.Amount;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import java.time.Instant;

/** One withdrawal as its row stores it; the row is the truth and every decision starts from it. */
public record Withdrawal(
        String withdrawalId,
        WithdrawalStatus status,
        long version,
        WithdrawalRequested request,
        String reqDate,
        String reqSeqId,
        String hfSeqId,
        Amount feeAmt,
        boolean attention,
        String attentionReason,
        NextAction nextAction,
        Instant nextActionAt,
        int attempts) {

    public SerialKey serial() {
        return new SerialKey(request.huifuId(), reqDate, reqSeqId);
    }

    public Withdrawal scheduled(NextAction action, Instant at, int attempts) {
        return new Withdrawal(withdrawalId, status, version, request, reqDate, reqSeqId, hfSeqId, feeAmt, attention,
                attentionReason, action, action == null ? null : at, attempts);
    }

    public Withdrawal withSerial(String newReqDate, String newReqSeqId) {
        return new Withdrawal(withdrawalId, status, version, request, newReqDate, newReqSeqId, null, feeAmt,
                attention, attentionReason, nextAction, nextActionAt, attempts);
    }

    @Override
    public String toString() {
        // request's own toString masks the card token
        return "Withdrawal[" + withdrawalId + ", " + status + ", v" + version + ", serial=" + reqDate + "/" + reqSeqId
                + ", next=" + nextAction + "@" + nextActionAt + ", attention=" + attention + "]";
    }
}
