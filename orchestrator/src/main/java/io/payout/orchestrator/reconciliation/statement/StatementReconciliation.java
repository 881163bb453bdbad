package io.payout.orchestrator.reconciliation.statement;

import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Matches one account's statement zip of a trade date and stores what it finds. Running it again over the same file
 * raises nothing new: breaks are keyed by (trade date, class, serial), and an explained one stays explained.
 */
@Service
public class StatementReconciliation {

    /** What one run found: rows read, breaks found, of which new, and the serials carried to later statements. */
    public record Outcome(long rows, int found, int raised, List<SentSerial> carried) {
    }

    private final OutcashZipReader reader;
    private final StatementBreaks breaks;

    public StatementReconciliation(StatementBreaks breaks) {
        this.reader = new OutcashZipReader();
        this.breaks = breaks;
    }

    /**
     * @param expected the serials Huifu accepted of the trade date and the two days before that no earlier statement
     *                 matched (see {@link StatementMatcher})
     */
    public Outcome match(String tradeDate, List<SentSerial> expected, InputStream zip) {
        return match(tradeDate, ExpectedSerials.of(expected), zip);
    }

    /** As {@link #match(String, List, InputStream)}; a null {@code zip} is a statement without rows. */
    public Outcome match(String tradeDate, ExpectedSerials expected, InputStream zip) {
        StatementMatcher matcher = new StatementMatcher(tradeDate, expected);
        int[] found = {0, 0};
        // each break is stored as its row is read, so no list of rows or breaks grows with the file
        long rows = zip == null ? 0 : reader.read(zip, row -> matcher.accept(row).forEach(b -> store(b, found)));
        matcher.finish().forEach(b -> store(b, found));
        return new Outcome(rows, found[0], found[1], matcher.carried());
    }

    private void store(StatementBreak b, int[] found) {
        found[0]++;
        if (breaks.raise(b)) {
            found[1]++;
        }
    }
}
