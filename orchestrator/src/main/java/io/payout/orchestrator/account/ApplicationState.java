package io.payout.orchestrator.account;

import io.payout.model.account.AccountChange;

/** An account application's state: open until it ends as its request's final answer, or waits for an operator. */
public enum ApplicationState {
    OPEN,
    APPROVED,
    REJECTED,
    FAILED,
    /** The answer was lost and the lookups could not tell what happened: an operator looks at Huifu's console. */
    ATTENTION;

    boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == FAILED;
    }

    static ApplicationState of(AccountChange end) {
        switch (end) {
            case APPROVED:
                return APPROVED;
            case REJECTED:
                return REJECTED;
            case FAILED:
                return FAILED;
            default:
                throw new IllegalArgumentException(end + " does not end an application");
        }
    }
}
