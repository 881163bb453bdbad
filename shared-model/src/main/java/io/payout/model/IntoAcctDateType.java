package io.payout.model;

/** Huifu's {@code into_acct_date_type}: when the money reaches the card (PROTOCOL.md §3.1). */
public enum IntoAcctDateType {
    /** Same day, including today's trade funds. */
    D0,
    /** Next natural day. */
    D1,
    /** Next working day. */
    T1,
    /** Same day, excluding today's trade funds. */
    DM
}
