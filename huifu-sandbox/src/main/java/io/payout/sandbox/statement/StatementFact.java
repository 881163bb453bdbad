package io.payout.sandbox.statement;

import io.payout.sandbox.lifecycle.SerialKey;
import java.time.Instant;

/**
 * A change of the statements that is not a withdrawal's, as the journal keeps it: handed to the journal before it
 * takes effect, so a statement served before a crash is served the same after it. Withdrawals made elsewhere need
 * none of these: they are withdrawals, journaled as such.
 */
public sealed interface StatementFact {

    /** A row of the statement differs from the ledger's truth from now on (merged with earlier alterations). */
    record RowAltered(SerialKey key, RowOverride override) implements StatementFact {
    }

    /** The task of {@code tradeDate} (yyyyMMdd) fails: task_stat F until a replay. */
    record TaskFailed(String huifuId, String tradeDate) implements StatementFact {
    }

    /** The task was regenerated (v2/trade/check/replay): its failure cleared, its rows as of this moment. */
    record TaskReplayed(String huifuId, String tradeDate, Instant real, Instant settlement) implements StatementFact {
    }
}
