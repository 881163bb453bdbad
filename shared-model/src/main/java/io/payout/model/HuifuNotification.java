package io.payout.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A verified Huifu notification, from the callback gateway to the orchestrator (topic {@code huifu.notifications},
 * key {@code huifu_id:req_seq_id}). {@code raw} and {@code sign} travel along so that the orchestrator can verify
 * again and keep the evidence.
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
