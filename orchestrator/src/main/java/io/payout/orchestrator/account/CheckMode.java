package io.payout.orchestrator.account;

/** How strictly withdrawals are checked against the registry before they are sent (CONTRACT.md §6). */
public enum CheckMode {
    /** No check: every withdrawal goes to Huifu, which judges it. */
    OFF,
    /** Accounts the registry knows are checked; the others go to Huifu as before (the default). */
    KNOWN_ACCOUNTS,
    /** As KNOWN_ACCOUNTS, and an account the registry does not know (even after a refresh) has no bound card. */
    REQUIRED
}
