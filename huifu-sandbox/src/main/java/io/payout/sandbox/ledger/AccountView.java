package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An account as the ledger sees it now. {@code balance} is the settled balance and {@code today_credits} today's
 * incoming funds; both still include {@code held} (accepted withdrawals not yet debited). {@code available} is what
 * a D0/T1/D1 withdrawal may take, {@code dm_quota} what a DM withdrawal may take (today's credits excluded).
 * {@code paid_out} reached this account's cards; {@code fees} were charged on its successful withdrawals.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountView(
        String huifuId,
        String acctId,
        Amount balance,
        Amount todayCredits,
        Amount held,
        Amount available,
        Amount dmQuota,
        Amount paidOut,
        Amount fees,
        List<CardSpec> cards,
        List<CashConfigSpec> cashConfig) {
}
