package io.payout.orchestrator.account;

import java.util.List;

/** What {@code GET /api/accounts/{huifu_id}} shows: the account's facts and its cards, each with its origin. */
public record AccountView(AccountRecord account, List<StoredCard> cards) {

    public AccountView {
        cards = List.copyOf(cards);
    }
}
