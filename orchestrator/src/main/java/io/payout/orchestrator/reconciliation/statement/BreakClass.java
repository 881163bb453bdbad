package io.payout.orchestrator.reconciliation.statement;

/** Why a statement row and our withdrawal disagree; part of a break's key (trade date, class, serial). */
public enum BreakClass {
    /** Huifu accepted the serial but no statement of its window lists it. */
    MISSING_AT_HUIFU,
    /** The statement lists a withdrawal we never sent (made elsewhere, e.g. Huifu's own console). */
    UNKNOWN_TO_US,
    /** Both know the serial, the outcomes differ. */
    STATUS_MISMATCH,
    /** Both know the serial, cash_amt differs. */
    AMOUNT_MISMATCH,
    /** Both know the serial, fee_amt differs from the fee Huifu reported to us earlier. */
    FEE_MISMATCH
}
