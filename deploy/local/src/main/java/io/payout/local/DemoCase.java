package io.payout.local;

import io.payout.local.DemoAccounts.Scenario;
import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import java.util.List;

/**
 * One kind of withdrawal the demo makes, with the final state (and for a check, the reason code) it must end with.
 *
 * @param onlyType  the cash type every withdrawal of the case uses; null: the demo goes through all four
 * @param minAmount added to each withdrawal's random amount
 */
record DemoCase(String name, String huifuId, AccountKind kind, String tokenNo, IntoAcctDateType onlyType,
                Amount minAmount, WithdrawalStatus expected, String expectedReason) {

    /** A card number no account has: its token_no is bound nowhere. */
    static final String UNBOUND_TOKEN = "99999999999";

    /**
     * The merchants the sandbox was given directly (a bank failing every payout, notices duplicated and reordered),
     * and the users the demo opened through {@code account.requests}.
     */
    static List<DemoCase> all(DemoOnboarding.Onboarded users) {
        return List.of(
                merchant(Scenario.NORMAL_MERCHANT),
                merchant(Scenario.PAYOUT_FAILURE),
                merchant(Scenario.NOISY_NOTIFICATIONS),
                new DemoCase("user", users.user(), AccountKind.USER, users.cardA(), null, Amount.ZERO,
                        WithdrawalStatus.SUCCEEDED, null),
                new DemoCase("second card", users.user(), AccountKind.USER, users.cardB(), null, Amount.ZERO,
                        WithdrawalStatus.SUCCEEDED, null),
                new DemoCase("empty account", users.empty(), AccountKind.USER, users.emptyCard(), null, Amount.ZERO,
                        WithdrawalStatus.FAILED, null),
                new DemoCase("unbound card", users.user(), AccountKind.USER, UNBOUND_TOKEN, null, Amount.ZERO,
                        WithdrawalStatus.FAILED, "CARD_NOT_BOUND"),
                new DemoCase("type off", users.reviewed(), AccountKind.USER, users.reviewedCard(), IntoAcctDateType.D0,
                        Amount.ZERO,
                        WithdrawalStatus.FAILED, "CASH_TYPE_OFF"),
                new DemoCase("DM over quota", users.reviewed(), AccountKind.USER, users.reviewedCard(),
                        IntoAcctDateType.DM,
                        Amount.parse("1000.00"), WithdrawalStatus.FAILED, "DM_QUOTA_EXCEEDED"));
    }

    private static DemoCase merchant(Scenario scenario) {
        return new DemoCase(scenario.name().toLowerCase().replace('_', ' '), scenario.huifuId, scenario.kind,
                scenario.tokenNo(), null, Amount.ZERO, scenario.expected, null);
    }
}
