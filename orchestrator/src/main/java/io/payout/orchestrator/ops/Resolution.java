package io.payout.orchestrator.ops;

import io.payout.model.WithdrawalStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An operator's decision: move a non-final withdrawal to a final state, with who and why. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Resolution(String status, String actor, String reason) {

    public Resolution {
        OperatorText.require(status, "status");
        OperatorText.require(actor, "actor");
        OperatorText.require(reason, "reason");
    }

    public WithdrawalStatus target() {
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
}
