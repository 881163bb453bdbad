package io.payout.orchestrator.reconciliation.statement;

/** A statement we will not read: a download host we do not know, or a zip that could escape or exhaust us. */
public final class StatementRefused extends RuntimeException {

    public StatementRefused(String message) {
        super(message);
    }
}
