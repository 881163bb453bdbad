package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The whole ledger at one instant: money put in must equal what sits in balances, what is debited but not yet paid
 * ({@code in_transit}), what reached cards and the fees collected. {@code held} is part of {@code balances}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LedgerView(
        Amount moneyIn,
        Amount balances,
        Amount held,
        Amount inTransit,
        Amount paidOut,
        Amount feesCollected,
        boolean conserved) {
}
