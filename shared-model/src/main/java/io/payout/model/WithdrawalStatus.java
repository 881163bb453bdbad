package io.payout.model;

/** The states of CONTRACT.md §2. States only move forward; the last three are final. */
public enum WithdrawalStatus {
    REQUESTED,
    PROCESSING,
    ACCOUNTED,
    SUCCEEDED,
    REFUNDED,
    FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == REFUNDED || this == FAILED;
    }
}
