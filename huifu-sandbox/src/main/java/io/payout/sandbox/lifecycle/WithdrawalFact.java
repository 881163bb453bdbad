package io.payout.sandbox.lifecycle;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.Hold;
import java.time.Instant;

/**
 * A change of the withdrawals, as the journal keeps it. Each is handed to the journal before it takes effect and
 * before anyone is told of it (write-ahead): a crash just after the write leaves a fact that a restart applies,
 * never an answer or a notice the journal does not explain. The money moves follow from the stage facts and the
 * withdrawal's {@link Hold}, so replaying them moves the ledger exactly as the first time.
 */
public sealed interface WithdrawalFact {

    /**
     * A serial whose request was refused with a plain error (no withdrawal recorded): a repeat still gets 20000000.
     * An accepted or refused withdrawal's fact carries its serial itself.
     */
    record SerialClaimed(SerialKey key) implements WithdrawalFact {
    }

    record Accepted(long sequence, WithdrawalRequest request, String hfSeqId, Hold hold, Instant at)
            implements WithdrawalFact {
    }

    /** Refused with trans_stat F (balance, quota, fee): recorded so that a query finds it; no money moved. */
    record Refused(long sequence, WithdrawalRequest request, String hfSeqId, Amount fee, String respCode,
                   String respDesc, Instant at) implements WithdrawalFact {
    }

    /**
     * Accounting (02): the held money left the balance. {@code at} is null in journals written before it was kept;
     * the replay then takes the acceptance time.
     */
    record Debited(String hfSeqId, Instant at) implements WithdrawalFact {
    }

    record Paid(String hfSeqId, Instant at) implements WithdrawalFact {
    }

    record BookedBack(String hfSeqId, Instant at) implements WithdrawalFact {
    }

    record FeeMisreported(String hfSeqId, Amount fee) implements WithdrawalFact {
    }

    /** The result notice (01) was acknowledged, or dropped by a fault: a restart does not send it again. */
    record ResultNoticed(String hfSeqId) implements WithdrawalFact {
    }
}
