package io.payout.model.account;

/** What an {@code account.updates} record says changed (CONTRACT.md §6's table). */
public enum AccountChange {
    /** Huifu returned a new {@code huifu_id}. */
    OPENED,
    /** An application awaits review ({@code apply_no} returned, status {@code P}); not final. */
    APPLIED,
    /** Review or status {@code Y}. */
    APPROVED,
    /** Status {@code N}, a refused request, or a {@code resp_business} item {@code F}. */
    REJECTED,
    /** Huifu's system failure {@code F}, or {@code C} (refused to sign). */
    FAILED,
    /** A {@code token_no} learned. */
    CARD_BOUND,
    /** A card's {@code status} became {@code C}. */
    CARD_CLOSED,
    /** The cash configuration learned differs from the known one. */
    CASH_CONFIG,
    /** A merchant's {@code mer_stat} changed. */
    ACCOUNT_STATUS;

    /** Whether this change is an application's final answer. */
    public boolean endsApplication() {
        return this == APPROVED || this == REJECTED || this == FAILED;
    }
}
