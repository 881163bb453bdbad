package io.payout.orchestrator.withdrawal;

/** An operator asked for a move the contract does not allow (e.g. resolving a final withdrawal). */
public final class ResolveRefusedException extends IllegalStateException {

    ResolveRefusedException(String message) {
        super(message);
    }
}
