package io.payout.orchestrator.quarantine;

/** A replay that cannot be done: the record was replayed before, or it still cannot be processed. */
public final class ReplayRefusedException extends RuntimeException {

    ReplayRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
