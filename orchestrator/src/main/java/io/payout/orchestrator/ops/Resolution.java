package io.payout.orchestrator.ops;

import io.payout.model.WithdrawalStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An operator's decision: move a non-final withdrawal to a final state, with who and why. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Resolution(String status, String actor, String reason) {

    private static final int MAX_TEXT = 500;

    Resolution {
        require(status, "status");
        require(actor, "actor");
        require(reason, "reason");
    }

    WithdrawalStatus target() {
        WithdrawalStatus target;
        try {
            target = WithdrawalStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be SUCCEEDED, REFUNDED or FAILED: " + status);
        }
        if (!target.isFinal()) {
            throw new IllegalArgumentException("status must be SUCCEEDED, REFUNDED or FAILED: " + status);
        }
        return target;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
    }
}
