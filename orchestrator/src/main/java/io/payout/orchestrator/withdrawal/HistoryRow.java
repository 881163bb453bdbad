package io.payout.orchestrator.withdrawal;

import io.payout.model.EventSource;
import io.payout.model.WithdrawalStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the append-only history. {@code to} and {@code eventId} are null when the evidence changed no
 * state; otherwise {@code eventId} is the id published for that state, stored so that a re-send repeats it.
 */
public record HistoryRow(String withdrawalId, UUID eventId, WithdrawalStatus from, WithdrawalStatus to,
                         EventSource source, String evidence, String reasonCode, String reason, Instant occurredAt) {
}
