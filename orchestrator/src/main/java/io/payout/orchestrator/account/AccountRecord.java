package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountSource;
import io.payout.model.account.CashConfigEntry;
import java.time.Instant;
import java.util.List;

/** An account's row: each fact with where and when it was learned (null: never learned). */
public record AccountRecord(String huifuId, AccountKind accountKind,
                            List<CashConfigEntry> cashConfig, AccountSource cashConfigSource,
                            Instant cashConfigLearnedAt,
                            String merStat, AccountSource merStatSource, Instant merStatLearnedAt,
                            AccountSource cardsSource, Instant cardsLearnedAt, Instant updatedAt) {

    public AccountRecord {
        cashConfig = cashConfig == null ? null : List.copyOf(cashConfig);
    }

    AccountFacts facts(List<KnownCard> cards) {
        return new AccountFacts(huifuId, accountKind, cards, cashConfig, merStat);
    }
}
