package io.payout.orchestrator.reconciliation.statement;

import java.time.Instant;

/** A stored break: open until an operator explains it. */
public record StoredBreak(long id, StatementBreak found, Instant foundAt, Instant explainedAt, String explainedBy,
                         String explanation) {

    public boolean open() {
        return explainedAt == null;
    }
}
