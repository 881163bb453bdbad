package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.CashConfigEntry;
import java.util.List;

/**
 * What is known (or was just learned) of an account. Null means unknown, never empty: an answer without a card list
 * says nothing about the cards (CONTRACT.md §6, "an absent list is unknown, not empty").
 */
public record AccountFacts(String huifuId, AccountKind accountKind, List<KnownCard> cards,
                           List<CashConfigEntry> cashConfig, String merStat) {

    public AccountFacts {
        cards = cards == null ? null : List.copyOf(cards);
        cashConfig = cashConfig == null ? null : List.copyOf(cashConfig);
    }

    public static AccountFacts unknown(String huifuId, AccountKind accountKind) {
        return new AccountFacts(huifuId, accountKind, null, null, null);
    }
}
