package io.payout.orchestrator.account;

/** The changes of an application's state that CONTRACT.md §6 publishes (its other changes are facts, not states). */
public enum ApplicationChange {
    /** Awaits Huifu's review ({@code apply_no}, status {@code P}); not final. */
    APPLIED,
    APPROVED,
    /** Huifu said no: review {@code N}, a refused request, or a business item {@code F}. */
    REJECTED,
    /** Huifu's system failure {@code F}, or {@code C} (refused to sign). */
    FAILED;

    public boolean isFinal() {
        return this != APPLIED;
    }
}
