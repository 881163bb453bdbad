package io.payout.model;

/** Where the evidence for a transition came from. */
public enum EventSource {
    REQUEST,
    SYNC_RESPONSE,
    NOTIFICATION,
    QUERY,
    OPERATOR,
    /** The checks before a withdrawal is sent (CONTRACT.md §6): it failed one and was never sent. */
    CHECK
}
