package io.payout.model.account;

import io.payout.model.AccountKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One record per change of an account (topic {@code account.updates}, key {@code huifu_id}, or
 * {@code account_request_id} until Huifu names the account; CONTRACT.md §6). Consumers de-duplicate on
 * {@code event_id}. The fields after {@code occurred_at} are filled by {@code change} as §6's table says; a card
 * is only ever named by its {@code token_no} and masked number.
 *
 * @param businessItem {@code card}, {@code cash} or {@code settle} when a rejection concerns one item only
 * @param cardType     Huifu's code ({@link CardType#code()})
 * @param cashConfig   the whole list after the change, for {@link AccountChange#CASH_CONFIG}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountChanged(
        UUID eventId,
        String huifuId,
        AccountKind accountKind,
        String accountRequestId,
        AccountChange change,
        AccountSource source,
        Instant occurredAt,
        String applyNo,
        String reasonCode,
        String reason,
        String businessItem,
        String tokenNo,
        String cardNo,
        String cardType,
        Boolean isDefault,
        List<CashConfigEntry> cashConfig,
        String merStat) {

    public AccountChanged {
        Objects.requireNonNull(eventId, "event_id is required");
        Objects.requireNonNull(change, "change is required");
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(occurredAt, "occurred_at is required");
        cashConfig = cashConfig == null ? null : List.copyOf(cashConfig);
    }
}
