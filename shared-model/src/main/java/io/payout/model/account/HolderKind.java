package io.payout.model.account;

/** The person behind a user account (ACCOUNTS.md A2): {@code v2/user/basicdata/indv} or {@code …/ent}. */
public enum HolderKind {
    INDIVIDUAL,
    ENTERPRISE
}
