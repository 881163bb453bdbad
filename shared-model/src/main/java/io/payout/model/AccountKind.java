package io.payout.model;

/** Whether the withdrawing Huifu account is a merchant (商户) or a user (用户). */
public enum AccountKind {
    MERCHANT,
    USER
}
