package io.payout.sandbox.account;

import static io.payout.sandbox.account.AccountAnswers.businessItem;
import static io.payout.sandbox.account.AccountAnswers.jsonText;

import io.payout.model.huifu.HuifuNotifications;
import io.payout.sandbox.notify.Notice;
import io.payout.sandbox.notify.Notifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user busi audit notice (ACCOUNTS.md A3.3) to the application's {@code async_return_url}: a signed form whose
 * {@code data} is a JSON string with {@code notify_type} A and {@code audit_info} (itself a JSON string, its
 * {@code resp_business} a native array). Delivered by the {@link Notifier}, so the notice faults (drop, duplicate,
 * delay that reorders, bad signature) and the ack rule ({@code RECV_ORD_ID_} + req_seq_id, retries) are the
 * withdrawals' own.
 */
final class AuditNotices {

    private static final Logger log = LoggerFactory.getLogger(AuditNotices.class);
    static final String MSG_TYPE = "AUDIT";

    private final Notifier notifier;

    AuditNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    void send(Application application, String status, String reason) {
        if (application.asyncReturnUrl() == null || application.asyncReturnUrl().isBlank()) {
            return;
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("audit_status", status);
        audit.put("audit_desc", reason);
        audit.put("apply_no", application.applyNo());
        if ("Y".equals(status)) {
            audit.put("token_no", application.card().tokenNo());
        }
        audit.put("resp_business", List.of(businessItem("1", "Y".equals(status) ? "S" : "F", reason)));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "成功");
        data.put("req_seq_id", application.reqSeqId());
        data.put("req_date", application.reqDate());
        data.put("huifu_id", application.huifuId());
        data.put("notify_type", "A");
        data.put("audit_info", jsonText(audit));
        notifier.deliver(new Notice(application.asyncReturnUrl(), application.huifuId(), application.reqSeqId(),
                MSG_TYPE, data, HuifuNotifications.ACCOUNT_DATA_FIELD, attempt -> log.debug(
                        "audit notice attempt huifu_id={} apply_no={} outcome={}", application.huifuId(),
                        application.applyNo(), attempt.outcome())));
    }
}
