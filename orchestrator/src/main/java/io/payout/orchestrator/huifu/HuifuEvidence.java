package io.payout.orchestrator.huifu;

import io.payout.model.Amount;
import io.payout.model.HuifuNotification;
import io.payout.orchestrator.withdrawal.Evidence;
import io.payout.orchestrator.withdrawal.EvidenceKind;
import io.payout.orchestrator.withdrawal.SerialKey;
import java.util.Map;

/**
 * The one place where what Huifu said becomes evidence for the transition table: the synchronous answer to a send,
 * the answer to a query, and the verified {@code resp_data} of a notification (PROTOCOL.md §3, §4.2, §4.3, §5).
 */
public final class HuifuEvidence {

    private HuifuEvidence() {
    }

    /** What the synchronous answer to a send of {@code serial} proves. */
    public static Evidence ofSubmit(SubmitOutcome outcome, SerialKey serial) {
        if (outcome instanceof SubmitOutcome.Accepted a) {
            // S only says Huifu took the serial: the debit and the payout are still to be reported.
            EvidenceKind kind = a.transStat() == TransStatus.SUCCEEDED ? EvidenceKind.SYNC_SUCCESS
                    : EvidenceKind.SYNC_PROCESSING;
            return new Evidence(kind, serial, a.respCode(), a.respDesc(), a.hfSeqId(), null, null,
                    "trans_stat=" + a.transStat().code() + " resp_code=" + a.respCode(), false);
        }
        if (outcome instanceof SubmitOutcome.Refused f) {
            return Evidence.of(EvidenceKind.SYNC_REFUSED, serial, f.respCode(), f.respDesc(),
                    "resp_code=" + f.respCode() + " resp_desc=" + f.respDesc());
        }
        SubmitOutcome.Unknown u = (SubmitOutcome.Unknown) outcome;
        return new Evidence(EvidenceKind.SYNC_UNKNOWN, serial, u.respCode(), u.reason(), null, null, null,
                "unknown: " + u.reason() + (u.respCode() == null ? "" : " resp_code=" + u.respCode()),
                u.rateLimited());
    }

    /** What the answer to a query of {@code serial} proves. */
    public static Evidence ofQuery(QueryOutcome outcome, SerialKey serial) {
        if (outcome instanceof QueryOutcome.Found f) {
            EvidenceKind kind = switch (f.transStatus()) {
                case SUCCEEDED -> EvidenceKind.QUERY_SUCCESS;
                case FAILED -> EvidenceKind.QUERY_FAILED;
                case PROCESSING -> EvidenceKind.QUERY_PROCESSING;
            };
            return new Evidence(kind, serial, f.respCode(), f.transDesc(), f.hfSeqId(), f.cashAmt(), f.feeAmt(),
                    "query trans_status=" + f.transStatus().code() + " resp_code=" + f.respCode(), false);
        }
        if (outcome instanceof QueryOutcome.NotFound n) {
            return Evidence.of(EvidenceKind.QUERY_NOT_FOUND, serial, n.respCode(), n.respDesc(),
                    "query not found resp_code=" + n.respCode());
        }
        QueryOutcome.Unknown u = (QueryOutcome.Unknown) outcome;
        return new Evidence(EvidenceKind.QUERY_UNKNOWN, serial, u.respCode(), u.reason(), null, null, null,
                "query unanswered: " + u.reason(), u.rateLimited());
    }

    /** The serial a notification's verified fields speak of. */
    public static SerialKey serialOfNotice(Map<String, String> fields) {
        return new SerialKey(fields.get("huifu_id"), fields.get("req_date"), fields.get("req_seq_id"));
    }

    /** What a verified withdrawal notification proves. */
    public static Evidence ofNotice(Map<String, String> fields, String raw) {
        return new Evidence(noticeKind(fields), serialOfNotice(fields), fields.get("sub_resp_code"),
                fields.get("sub_resp_desc"), fields.get("hf_seq_id"), amount(fields.get("cash_amt")),
                amount(fields.get("fee_amt")), raw, false);
    }

    static EvidenceKind noticeKind(Map<String, String> fields) {
        String msgType = fields.get("msg_type");
        String acct = fields.get("acct_status");
        if (HuifuNotification.MSG_TYPE_ACCOUNTING.equals(msgType)) {
            // 02 speaks of the debit only: S debited, F debit failed (no money moved), anything else pending.
            if ("S".equals(acct)) {
                return EvidenceKind.ACCOUNTING_DEBITED;
            }
            return "F".equals(acct) ? EvidenceKind.ACCOUNTING_FAILED : EvidenceKind.NOTICE_PENDING;
        }
        if (HuifuNotification.MSG_TYPE_RESULT.equals(msgType)) {
            TransStatus trans = TransStatus.of(fields.get("trans_status")).orElse(TransStatus.PROCESSING);
            if (trans == TransStatus.SUCCEEDED) {
                return EvidenceKind.RESULT_PAID;
            }
            if (trans == TransStatus.FAILED) {
                // B = booked back: the account was debited and the funds returned, so the path passes ACCOUNTED.
                return "B".equals(acct) ? EvidenceKind.RESULT_FAILED_BOOKED_BACK : EvidenceKind.RESULT_FAILED;
            }
        }
        // P, or a msg_type we do not know: Huifu has the serial, nothing more is proven.
        return EvidenceKind.NOTICE_PENDING;
    }

    private static Amount amount(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Amount.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
