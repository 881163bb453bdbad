package io.payout.model.account;

/** Where an account fact was learned (CONTRACT.md §6 {@code source}). */
public enum AccountSource {
    SYNC_RESPONSE,
    NOTIFICATION,
    QUERY,
    OPERATOR
}
