package io.payout.sandbox.notify;

import io.payout.model.huifu.HuifuNotifications;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A notification to deliver: its signed fields, the form field that carries them ({@code resp_data} for trade
 * notices, {@code data} for account audit notices, ACCOUNTS.md A3.3) and where each attempt is to be recorded.
 */
public record Notice(String url, String huifuId, String reqSeqId, String msgType, Map<String, String> respData,
                     String dataField, Consumer<DeliveryAttempt> recorder) {

    /** A trade notice: its fields in {@code resp_data}. */
    public Notice(String url, String huifuId, String reqSeqId, String msgType, Map<String, String> respData,
                  Consumer<DeliveryAttempt> recorder) {
        this(url, huifuId, reqSeqId, msgType, respData, HuifuNotifications.TRADE_DATA_FIELD, recorder);
    }
}
