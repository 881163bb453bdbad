package io.payout.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A verified Huifu notification, from the callback gateway to the orchestrator, key {@code huifu_id:req_seq_id}:
 * a withdrawal's notices on {@code huifu.notifications} ({@code kind} {@code WITHDRAWAL}), account audit notices on
 * {@code huifu.account-notices} ({@code kind} {@code ACCOUNT}). {@code resp_data} holds the top-level fields of the
 * signed JSON text (Huifu's {@code resp_data} field for withdrawals, its {@code data} field for accounts), nested
 * values as compact JSON text. {@code raw} and {@code sign} travel along so that the orchestrator can verify again
 * and keep the evidence.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HuifuNotification(
        String notificationId,
        String kind,
        String msgType,
        Map<String, String> respData,
        String raw,
        String sign,
        Instant receivedAt) {

    public static final String KIND_WITHDRAWAL = "WITHDRAWAL";
    /** An account's audit notice (ACCOUNTS.md A3.3, A4): no {@code msg_type}, the result in {@code audit_*}. */
    public static final String KIND_ACCOUNT = "ACCOUNT";
    /** Accounting notice: the account was debited (or the debit failed). */
    public static final String MSG_TYPE_ACCOUNTING = "02";
    /** Channel notice: the final result of the payout to the card. */
    public static final String MSG_TYPE_RESULT = "01";

    public HuifuNotification {
        Objects.requireNonNull(notificationId, "notification_id is required");
        Objects.requireNonNull(raw, "raw is required");
        Objects.requireNonNull(sign, "sign is required");
        respData = respData == null ? Map.of() : Map.copyOf(respData);
    }

    public String field(String name) {
        return respData.get(name);
    }

    public String huifuId() {
        return respData.get("huifu_id");
    }

    public String reqDate() {
        return respData.get("req_date");
    }

    public String reqSeqId() {
        return respData.get("req_seq_id");
    }

    @Override
    public String toString() {
        return "HuifuNotification[notification_id=" + notificationId + ", msg_type=" + msgType
                + ", huifu_id=" + huifuId() + ", req_seq_id=" + reqSeqId() + "]";
    }
}
