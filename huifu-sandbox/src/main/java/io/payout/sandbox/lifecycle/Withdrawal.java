package io.payout.sandbox.lifecycle;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.Hold;
import io.payout.sandbox.notify.DeliveryAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One withdrawal's state. Guarded by its own monitor: a scheduled step and {@code settle} may race, and the
 * stage check inside the monitor is what makes every money movement happen exactly once.
 */
final class Withdrawal {

    enum Stage { REFUSED, ACCEPTED, DEBITED, PAID, BOOKED_BACK }

    static final String OK_CODE = "00000000";
    static final String OK_DESC = "处理成功";
    /** Payout failure reason: the channel code family of PROTOCOL.md §7 [I]. */
    static final String PAYOUT_FAILED_CODE = "91111119";
    static final String PAYOUT_FAILED_DESC = "通道异常:银行处理失败,资金已退回";

    final long sequence;
    final WithdrawalRequest request;
    final String hfSeqId;
    final Hold hold;
    final Amount fee;
    final Instant acceptedAt;
    private final List<DeliveryAttempt> attempts = new ArrayList<>();

    /** Written under the monitor; volatile so that status and listing read it without taking the monitor. */
    volatile Stage stage;
    String transStatus;
    String acctStatus;
    String channelStatus;
    String subRespCode;
    String subRespDesc;
    /** When the account was debited (02); a statement generated before it shows acct_status P. */
    Instant debitedAt;
    Instant finishedAt;
    /** A fee Huifu reports that differs from the one it charged (control API, to test reconciliation). */
    private Amount reportedFee;
    /** The 01 notice was acknowledged (or dropped by a fault): after a restart it is not sent again. */
    private boolean resultNoticed;
    /** The 02 notice, withheld when a reorder fault makes it follow the 01. */
    Map<String, String> withheldAccountingNotice;
    /** Each notice's first attempt starts after the previous one's finished: this fixes their order. */
    CompletableFuture<Void> noticeChain = CompletableFuture.completedFuture(null);

    private Withdrawal(long sequence, WithdrawalRequest request, String hfSeqId, Hold hold, Amount fee, Instant at,
                       Stage stage) {
        this.sequence = sequence;
        this.request = request;
        this.hfSeqId = hfSeqId;
        this.hold = hold;
        this.fee = fee;
        this.acceptedAt = at;
        this.stage = stage;
    }

    static Withdrawal accepted(long sequence, WithdrawalRequest request, String hfSeqId, Hold hold, Instant at) {
        Withdrawal w = new Withdrawal(sequence, request, hfSeqId, hold, hold.fee(), at, Stage.ACCEPTED);
        w.transStatus = "P";
        w.acctStatus = "P";
        w.channelStatus = "P";
        w.subRespCode = OK_CODE;
        w.subRespDesc = "受理成功";
        return w;
    }

    static Withdrawal refused(long sequence, WithdrawalRequest request, String hfSeqId, Amount fee, String code,
                              String desc, Instant at) {
        Withdrawal w = new Withdrawal(sequence, request, hfSeqId, null, fee == null ? Amount.ZERO : fee, at,
                Stage.REFUSED);
        w.transStatus = "F";
        w.subRespCode = code;
        w.subRespDesc = desc;
        w.finishedAt = at;
        return w;
    }

    void debited(Instant at) {
        stage = Stage.DEBITED;
        debitedAt = at;
        acctStatus = "S";
    }

    void paid(Instant at) {
        stage = Stage.PAID;
        transStatus = "S";
        channelStatus = "S";
        subRespCode = OK_CODE;
        subRespDesc = OK_DESC;
        finishedAt = at;
    }

    void bookedBack(Instant at) {
        stage = Stage.BOOKED_BACK;
        transStatus = "F";
        acctStatus = "B";
        channelStatus = "F";
        subRespCode = PAYOUT_FAILED_CODE;
        subRespDesc = PAYOUT_FAILED_DESC;
        finishedAt = at;
    }

    boolean isFinal() {
        return stage == Stage.REFUSED || stage == Stage.PAID || stage == Stage.BOOKED_BACK;
    }

    synchronized void record(DeliveryAttempt attempt) {
        attempts.add(attempt);
    }

    /** Notes that the result notice has reached its end; true only the first time, so it is journaled once. */
    synchronized boolean resultNoticed() {
        if (resultNoticed) {
            return false;
        }
        resultNoticed = true;
        return true;
    }

    /** Whether a restart should send the result notice again: final, with a notify_url, never acknowledged. */
    synchronized boolean resultNoticeOwed() {
        return isFinal() && stage != Stage.REFUSED && request.notifyUrl() != null && !resultNoticed;
    }

    /** The {@code resp_data} of a notice of the current state (PROTOCOL.md §4.2). Call under the monitor. */
    Map<String, String> respData(String msgType) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_id", request.acctId());
        data.put("acct_status", acctStatus);
        data.put("cash_amt", request.cash().toString());
        data.put("channel_status", channelStatus);
        data.put("fee_amt", reported().toString());
        data.put("hf_seq_id", hfSeqId);
        data.put("huifu_id", request.key().huifuId());
        data.put("msg_type", msgType);
        data.put("req_date", request.key().reqDate());
        data.put("req_seq_id", request.key().reqSeqId());
        data.put("sub_resp_code", subRespCode);
        data.put("sub_resp_desc", subRespDesc);
        data.put("trans_status", transStatus);
        data.put("trans_type", "ENCHASHMENT");
        return data;
    }

    /** From now on, notices, queries and the view report {@code fee} instead of the fee charged; money is untouched. */
    synchronized void misreportFee(Amount fee) {
        reportedFee = fee;
    }

    private Amount reported() {
        return reportedFee == null ? fee : reportedFee;
    }

    synchronized WithdrawalView view() {
        SerialKey key = request.key();
        return new WithdrawalView(key.huifuId(), request.acctId(), key.reqDate(), key.reqSeqId(), hfSeqId,
                request.tokenNo(), request.cash(), reported(), hold == null ? Amount.ZERO : hold.toCard(),
                request.type().name(), stage != Stage.REFUSED, transStatus, acctStatus, channelStatus, subRespCode,
                subRespDesc, isFinal(), acceptedAt, debitedAt, finishedAt, List.copyOf(attempts));
    }
}
