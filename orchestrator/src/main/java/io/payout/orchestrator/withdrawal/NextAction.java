package io.payout.orchestrator.withdrawal;

/** What the submission workers do next for a non-final withdrawal. */
public enum NextAction {
    /** Send the current serial (first time, or again: Huifu de-duplicates a serial it already has). */
    SUBMIT,
    /** Ask Huifu for the truth of the current serial. */
    QUERY
}
