package io.payout.model;

import java.util.List;

/** The states of CONTRACT.md §2. States only move forward; the last three are final. */
public enum WithdrawalStatus {
    REQUESTED,
    PROCESSING,
    ACCOUNTED,
    SUCCEEDED,
    REFUNDED,
    FAILED;

    /**
     * CONTRACT.md §2: every withdrawal's outcome stream (de-duplicated by event_id) is exactly one of these, in this
     * order, each state once.
     */
    public static final List<List<WithdrawalStatus>> PATHS = List.of(
            List.of(REQUESTED, PROCESSING, ACCOUNTED, SUCCEEDED),
            List.of(REQUESTED, PROCESSING, ACCOUNTED, REFUNDED),
            List.of(REQUESTED, FAILED),
            List.of(REQUESTED, PROCESSING, FAILED));

    public boolean isFinal() {
        return this == SUCCEEDED || this == REFUNDED || this == FAILED;
    }
}
