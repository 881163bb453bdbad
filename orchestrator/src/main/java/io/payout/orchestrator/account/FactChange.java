package io.payout.orchestrator.account;

import io.payout.model.account.AccountChange;
import io.payout.model.account.CashConfigEntry;
import java.util.List;

/** One change the registry learned, before it becomes an {@code account.updates} record. */
record FactChange(AccountChange change, KnownCard card, List<CashConfigEntry> cashConfig, String merStat) {

    static FactChange card(AccountChange change, KnownCard card) {
        return new FactChange(change, card, null, null);
    }
}
