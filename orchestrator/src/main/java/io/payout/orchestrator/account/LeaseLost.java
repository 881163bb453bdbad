package io.payout.orchestrator.account;

/**
 * A step's claim on its application was taken over before the step could record its serial: the step stops without
 * sending, and the instance that holds the application now runs it.
 */
final class LeaseLost extends RuntimeException {

    LeaseLost(String accountRequestId, ApplicationStep step) {
        super("account request " + accountRequestId + " was taken over during step " + step
                + ": its lease ran out, nothing sent");
    }
}
