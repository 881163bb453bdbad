package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import java.time.LocalDate;
import java.util.List;

/**
 * A change of the ledger that is not a withdrawal's: an account opened or configured, money put in. The ledger
 * hands each one to its journal under its lock, before the change is visible, so that a journal replayed in order
 * never holds money that was put in by a fact it lacks. Withdrawals' money moves are the lifecycle's facts.
 */
public sealed interface LedgerFact {

    /** {@code day}: the settlement day it was opened on, whose credits its today_credits are (null in old journals). */
    record AccountCreated(AccountSpec spec, LocalDate day) implements LedgerFact {
        public AccountCreated(AccountSpec spec) {
            this(spec, null);
        }
    }

    record CardAdded(String huifuId, CardSpec card) implements LedgerFact {
    }

    record CashConfigSet(String huifuId, List<CashConfigSpec> cashConfig) implements LedgerFact {
    }

    /** {@code day}: the settlement day of the credit, so a restart still settles it the day after (null: unknown). */
    record Credited(String huifuId, Amount amount, boolean todayCredit, LocalDate day) implements LedgerFact {
        public Credited(String huifuId, Amount amount, boolean todayCredit) {
            this(huifuId, amount, todayCredit, null);
        }
    }
}
