package io.payout.sandbox.control;

import io.payout.model.Amount;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The fee Huifu should report for a withdrawal instead of the one it charged. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportedFee(Amount feeAmt) {

    public ReportedFee {
        if (feeAmt == null) {
            throw new IllegalArgumentException("fee_amt is required");
        }
    }
}
