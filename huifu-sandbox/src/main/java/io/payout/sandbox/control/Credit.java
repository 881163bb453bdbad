package io.payout.sandbox.control;

import io.payout.model.Amount;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Money put into an account: to the settled balance, or to today's credits ({@code today_credit} true). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Credit(Amount amount, Boolean todayCredit) {

    public Credit {
        if (amount == null || amount.isZero()) {
            throw new IllegalArgumentException("amount is required and must be positive");
        }
        todayCredit = Boolean.TRUE.equals(todayCredit);
    }
}
