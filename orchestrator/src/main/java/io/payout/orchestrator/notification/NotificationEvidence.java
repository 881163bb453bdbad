package io.payout.orchestrator.notification;

import io.payout.model.Amount;
import io.payout.model.HuifuNotification;
import io.payout.orchestrator.withdrawal.Evidence;
import io.payout.orchestrator.withdrawal.EvidenceKind;
import io.payout.orchestrator.withdrawal.SerialKey;
import java.util.Map;

/** Reads the verified resp_data of a withdrawal notification as evidence (PROTOCOL.md §4.2, §4.3). */
final class NotificationEvidence {

    private NotificationEvidence() {
    }

    static SerialKey serialOf(Map<String, String> fields) {
        return new SerialKey(fields.get("huifu_id"), fields.get("req_date"), fields.get("req_seq_id"));
    }

    static Evidence of(Map<String, String> fields, String raw) {
        return new Evidence(kindOf(fields), serialOf(fields), fields.get("sub_resp_code"),
                fields.get("sub_resp_desc"), fields.get("hf_seq_id"), amount(fields.get("cash_amt")),
                amount(fields.get("fee_amt")), raw);
    }

    static EvidenceKind kindOf(Map<String, String> fields) {
        String msgType = fields.get("msg_type");
        String trans = fields.get("trans_status");
        String acct = fields.get("acct_status");
        if (HuifuNotification.MSG_TYPE_ACCOUNTING.equals(msgType)) {
            // 02 speaks of the debit only: S debited, F debit failed (no money moved), anything else pending.
            if ("S".equals(acct)) {
                return EvidenceKind.ACCOUNTING_DEBITED;
            }
            return "F".equals(acct) ? EvidenceKind.ACCOUNTING_FAILED : EvidenceKind.NOTICE_PENDING;
        }
        if (HuifuNotification.MSG_TYPE_RESULT.equals(msgType)) {
            if ("S".equals(trans)) {
                return EvidenceKind.RESULT_PAID;
            }
            if ("F".equals(trans)) {
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
