package io.payout.model.account;

/** What an {@code account.requests} record asks for (CONTRACT.md §6). */
public enum AccountAction {
    /** Huifu's account opening for a user, then business onboarding with the card and cash configuration. */
    OPEN_USER,
    /** Huifu texts the SMS code a merchant's card change needs. */
    SEND_VERIFY_CODE,
    /** Binds (or replaces) the withdrawal card. */
    BIND_CARD,
    /** Switches cash types on or off and sets their fees. */
    SET_CASH_CONFIG,
    /** Reads the account's cards and cash configuration from Huifu's detail query. */
    REFRESH
}
