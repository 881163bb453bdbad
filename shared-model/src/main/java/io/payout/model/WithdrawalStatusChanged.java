package io.payout.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One record per state entered (topic {@code withdrawal.outcomes}, key {@code withdrawal_id}).
 * Consumers de-duplicate on {@code event_id}: a re-send after a crash repeats the same id.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WithdrawalStatusChanged(
        UUID eventId,
        String withdrawalId,
        WithdrawalStatus status,
        WithdrawalStatus previousStatus,
        String huifuId,
        AccountKind accountKind,
        IntoAcctDateType intoAcctDateType,
        Amount cashAmt,
        Amount feeAmt,
        Amount expectedFeeAmt,
        String reqDate,
        String reqSeqId,
        String hfSeqId,
        String reasonCode,
        String reason,
        EventSource source,
        Instant occurredAt) {

    public WithdrawalStatusChanged {
        Objects.requireNonNull(eventId, "event_id is required");
        Objects.requireNonNull(withdrawalId, "withdrawal_id is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(occurredAt, "occurred_at is required");
    }
}
