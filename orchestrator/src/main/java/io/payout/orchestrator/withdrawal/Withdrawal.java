package io.payout.orchestrator.withdrawal;

import io.payout.model.Amount;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import java.time.Instant;

/**
 * One withdrawal as its row stores it; the row is the truth and every decision starts from it. Built by the
 * repository or {@link #requested}, changed only through the named copies below.
 */
public record Withdrawal(
        String withdrawalId,
        WithdrawalStatus status,
        long version,
        WithdrawalRequested request,
        String reqDate,
        String reqSeqId,
        String hfSeqId,
        Amount feeAmt,
        /* the fee the account's cash configuration gives, fixed when the withdrawal is sent; null when unknown */
        Amount expectedFeeAmt,
        boolean attention,
        String attentionReason,
        NextAction nextAction,
        Instant nextActionAt,
        int attempts,
        /* when the orchestrator took the request: the origin of the poll schedule and the overdue horizon */
        Instant acceptedAt,
        /* the W3C traceparent the request arrived with, null without one: later work continues its trace */
        String traceParent) {

    /**
     * The attention reason's prefix, and the daily report's, when Huifu's fee_amt differs from the fee the account's
     * cash configuration gave when the withdrawal was sent (CONTRACT.md §6).
     */
    public static final String FEE_MISMATCH = "FEE_MISMATCH";

    /** A new withdrawal, REQUESTED with its first serial and its first send due now. */
    static Withdrawal requested(WithdrawalRequested request, SerialKey serial, Instant now, String traceParent) {
        return new Withdrawal(request.withdrawalId(), WithdrawalStatus.REQUESTED, 0, request, serial.reqDate(),
                serial.reqSeqId(), null, null, null, false, null, NextAction.SUBMIT, now, 0, now, traceParent);
    }

    public SerialKey serial() {
        return new SerialKey(request.huifuId(), reqDate, reqSeqId);
    }

    /** The same withdrawal in another state. */
    Withdrawal entered(WithdrawalStatus next) {
        return new Withdrawal(withdrawalId, next, version, request, reqDate, reqSeqId, hfSeqId, feeAmt,
                expectedFeeAmt, attention, attentionReason, nextAction, nextActionAt, attempts, acceptedAt,
                traceParent);
    }

    /** Huifu's serial number and fee, as Huifu last stated them for the current serial. */
    Withdrawal withHuifuFacts(String newHfSeqId, Amount newFeeAmt) {
        return new Withdrawal(withdrawalId, status, version, request, reqDate, reqSeqId, newHfSeqId, newFeeAmt,
                expectedFeeAmt, attention, attentionReason, nextAction, nextActionAt, attempts, acceptedAt,
                traceParent);
    }

    /** With the fee its account's cash configuration gives, as known when it is sent. */
    Withdrawal withExpectedFee(Amount fee) {
        return new Withdrawal(withdrawalId, status, version, request, reqDate, reqSeqId, hfSeqId, feeAmt, fee,
                attention, attentionReason, nextAction, nextActionAt, attempts, acceptedAt, traceParent);
    }

    /** Flagged for attention with {@code reason} added to those already given. */
    Withdrawal flagged(String reason) {
        String reasons = attentionReason == null ? reason : attentionReason + "; " + reason;
        return new Withdrawal(withdrawalId, status, version, request, reqDate, reqSeqId, hfSeqId, feeAmt,
                expectedFeeAmt, true, reasons, nextAction, nextActionAt, attempts, acceptedAt, traceParent);
    }

    /**
     * Whether {@code reason} was already given for this withdrawal's attention, also when an operator has since
     * acknowledged it: the same evidence again is no news.
     */
    boolean flaggedFor(String reason) {
        return attentionReason != null && attentionReason.contains(reason);
    }

    /** The attention flag cleared by an operator; the reasons stay, so that repeats of them do not raise it again. */
    Withdrawal acknowledged() {
        return new Withdrawal(withdrawalId, status, version, request, reqDate, reqSeqId, hfSeqId, feeAmt,
                expectedFeeAmt, false, attentionReason, nextAction, nextActionAt, attempts, acceptedAt, traceParent);
    }

    /** With {@code action} due at {@code at}; no action (null) means nothing is due. */
    public Withdrawal scheduled(NextAction action, Instant at, int newAttempts) {
        return new Withdrawal(withdrawalId, status, version, request, reqDate, reqSeqId, hfSeqId, feeAmt,
                expectedFeeAmt, attention, attentionReason, action, action == null ? null : at, newAttempts, acceptedAt,
                traceParent);
    }

    /**
     * With a new serial: Huifu has never seen it, so nothing it said of the old one (its hf_seq_id) holds for it.
     */
    Withdrawal withSerial(SerialKey fresh) {
        return new Withdrawal(withdrawalId, status, version, request, fresh.reqDate(), fresh.reqSeqId(), null,
                feeAmt, expectedFeeAmt, attention, attentionReason, nextAction, nextActionAt, attempts, acceptedAt,
                traceParent);
    }

    @Override
    public String toString() {
        // request's own toString masks the card token
        return "Withdrawal[" + withdrawalId + ", " + status + ", v" + version + ", serial=" + reqDate + "/" + reqSeqId
                + ", next=" + nextAction + "@" + nextActionAt + ", attention=" + attention + "]";
    }
}
