package io.payout.orchestrator.account;

/** Why a withdrawal fails before it is sent: the {@code reason_code} of its {@code FAILED} event (CONTRACT.md §6). */
public enum CheckFailure {
    CARD_NOT_BOUND(true, "token_no is not an open card bound to the account"),
    CASH_TYPE_OFF(true, "the cash type is not switched on for the account"),
    ACCOUNT_FROZEN(false, "the merchant is frozen for withdrawals (mer_stat)"),
    DM_QUOTA_EXCEEDED(false, "the amount exceeds the account's DM quota");

    private final boolean refreshFirst;
    private final String reason;

    CheckFailure(boolean refreshFirst, String reason) {
        this.refreshFirst = refreshFirst;
        this.reason = reason;
    }

    /** The {@code reason} of the FAILED event. */
    public String reason() {
        return reason;
    }

    /**
     * Whether the account is read again from Huifu before this failure stands: a card bound or a type switched on
     * in Huifu's console reaches the registry only by the detail query.
     */
    public boolean refreshFirst() {
        return refreshFirst;
    }
}
