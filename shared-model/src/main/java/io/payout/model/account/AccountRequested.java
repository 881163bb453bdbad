package io.payout.model.account;

import io.payout.model.AccountKind;
import java.time.Instant;
import java.util.List;

/**
 * An {@code account.requests} record (CONTRACT.md §6), checked by {@link AccountRequestParser}. What each action
 * carries: {@code OPEN_USER} a holder, optionally a card and cash configuration; {@code BIND_CARD} a card (and for a
 * merchant its authorisation); {@code SET_CASH_CONFIG} the cash configuration; {@code SEND_VERIFY_CODE} and
 * {@code REFRESH} nothing more. {@link #toString()} never shows a card number, certificate number or name.
 *
 * @param huifuId    null only for {@code OPEN_USER}: Huifu names the account
 * @param cashConfig null when the request has none (absent is not the same as empty)
 */
public record AccountRequested(
        String accountRequestId,
        AccountAction action,
        AccountKind accountKind,
        String huifuId,
        AccountHolder holder,
        BankCard card,
        List<CashConfig> cashConfig,
        CardChangeAuthorization authorization,
        Instant requestedAt) {

    public AccountRequested {
        cashConfig = cashConfig == null ? null : List.copyOf(cashConfig);
    }
}
