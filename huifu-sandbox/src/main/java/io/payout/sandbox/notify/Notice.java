package io.payout.sandbox.notify;

import java.util.Map;
import java.util.function.Consumer;

/** A notification to deliver: the {@code resp_data} fields and where each attempt is to be recorded. */
public record Notice(String url, String huifuId, String reqSeqId, String msgType, Map<String, String> respData,
                     Consumer<DeliveryAttempt> recorder) {
}
