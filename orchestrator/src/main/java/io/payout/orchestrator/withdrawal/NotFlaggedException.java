package io.payout.orchestrator.withdrawal;

/** An operator acknowledged the attention of a withdrawal that is not flagged (already acknowledged, or never). */
public final class NotFlaggedException extends IllegalStateException {

    NotFlaggedException(String message) {
        super(message);
    }
}
