package io.payout.sandbox.ledger;

import io.payout.model.Amount;

/**
 * Money reserved for one accepted withdrawal: the principal from the withdrawing account and, for 外扣, the fee
 * from the fee payer. Each part records whether it came from the settled balance or today's credits so that the
 * debit takes exactly what was reserved.
 */
public record Hold(Portion principal, Portion feePortion, Amount cash, Amount fee, boolean feeInside) {

    /** Part of a hold on one account. */
    public record Portion(String huifuId, Amount fromBase, Amount fromCredits) {
        Amount total() {
            return fromBase.plus(fromCredits);
        }
    }

    /** What the card receives: 内扣 takes the fee out of the amount, 外扣 pays the full amount. */
    public Amount toCard() {
        return feeInside ? cash.minus(fee) : cash;
    }

    Amount total() {
        return principal.total().plus(feePortion.total());
    }
}
