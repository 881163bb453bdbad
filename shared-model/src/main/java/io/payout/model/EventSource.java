package io.payout.model;

/** Where the evidence for a transition came from. */
public enum EventSource {
    REQUEST,
    SYNC_RESPONSE,
    NOTIFICATION,
    QUERY,
    OPERATOR
}
