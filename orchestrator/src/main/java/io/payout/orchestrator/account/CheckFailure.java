package io.payout.orchestrator.account;

/** Why a withdrawal fails before it is sent: the {@code reason_code} of its {@code FAILED} event (CONTRACT.md §6). */
public enum CheckFailure {
    CARD_NOT_BOUND(true),
    CASH_TYPE_OFF(true),
    ACCOUNT_FROZEN(false),
    DM_QUOTA_EXCEEDED(false);

    private final boolean refreshFirst;

    CheckFailure(boolean refreshFirst) {
        this.refreshFirst = refreshFirst;
    }

    /**
     * Whether the account is read again from Huifu before this failure stands: a card bound or a type switched on
     * in Huifu's console reaches the registry only by the detail query.
     */
    public boolean refreshFirst() {
        return refreshFirst;
    }
}
