package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import java.util.List;

/**
 * A change of the ledger that is not a withdrawal's: an account opened or configured, money put in. The ledger
 * hands each one to its journal under its lock, before the change is visible, so that a journal replayed in order
 * never holds money that was put in by a fact it lacks. Withdrawals' money moves are the lifecycle's facts.
 */
public sealed interface LedgerFact {

    record AccountCreated(AccountSpec spec) implements LedgerFact {
    }

    record CardAdded(String huifuId, CardSpec card) implements LedgerFact {
    }

    record CashConfigSet(String huifuId, List<CashConfigSpec> cashConfig) implements LedgerFact {
    }

    record Credited(String huifuId, Amount amount, boolean todayCredit) implements LedgerFact {
    }
}
