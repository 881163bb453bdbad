package io.payout.sandbox.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.payout.model.Amount;
import io.payout.sandbox.notify.DeliveryAttempt;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The true state of one withdrawal. {@code accepted} is false for one refused synchronously with trans_stat F
 * (never debited). {@code final} is true once S or F can no longer change. {@code to_card} is what the card got
 * (or will get). {@code accepted_at}, {@code debited_at} and {@code finished_at} are real instants (null until they
 * happen). {@code notifications} lists every delivery attempt of every notice.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WithdrawalView(
        String huifuId,
        String acctId,
        String reqDate,
        String reqSeqId,
        String hfSeqId,
        String tokenNo,
        Amount cashAmt,
        Amount feeAmt,
        Amount toCard,
        String intoAcctDateType,
        boolean accepted,
        String transStatus,
        String acctStatus,
        String channelStatus,
        String subRespCode,
        String subRespDesc,
        @JsonProperty("final") boolean isFinal,
        Instant acceptedAt,
        Instant debitedAt,
        Instant finishedAt,
        List<DeliveryAttempt> notifications) {

    public boolean succeeded() {
        return "S".equals(transStatus);
    }

    public boolean failed() {
        return "F".equals(transStatus);
    }

    /** Delivery attempts of one message type ({@code 01} result, {@code 02} accounting). */
    public List<DeliveryAttempt> notifications(String msgType) {
        return notifications.stream().filter(attempt -> attempt.msgType().equals(msgType)).toList();
    }
}
