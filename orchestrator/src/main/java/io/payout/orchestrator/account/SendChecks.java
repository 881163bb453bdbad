package io.payout.orchestrator.account;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.CashConfigEntry;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks before a withdrawal is sent (CONTRACT.md §6): the card is bound to the account and open, the cash type
 * is on, a merchant is not frozen for withdrawals, and a DM amount is within the quota. What is not known is not a
 * failure: an absent list, an unknown account (unless {@link CheckMode#REQUIRED}) or an unreadable quota passes.
 */
public final class SendChecks {

    static final String FROZEN_FOR_WITHDRAWALS = "FREEZEWITHDRAWAL";

    private SendChecks() {
    }

    /** The withdrawal as the checks see it. */
    public record Candidate(String huifuId, String tokenNo, IntoAcctDateType cashType) {
    }

    /**
     * Checks against the registry, reading the account again from Huifu once ({@code refreshed}) before a card or
     * cash-type failure stands.
     *
     * @param known     the registry's facts of the account, empty when it knows nothing of it
     * @param refreshed reads the account from Huifu's detail query into the registry and returns the facts after it;
     *                  empty when the query did not answer
     */
    public static Optional<CheckFailure> check(CheckMode mode, Candidate candidate, Optional<AccountFacts> known,
                                               Function<String, Optional<AccountFacts>> refreshed) {
        Optional<CheckFailure> failure = against(mode, candidate, known);
        if (failure.isEmpty() || !failure.get().refreshFirst()) {
            return failure;
        }
        Optional<AccountFacts> fresh = refreshed.apply(candidate.huifuId());
        // A refresh that did not answer tells nothing new: the registry's facts stand.
        return against(mode, candidate, fresh.isPresent() ? fresh : known);
    }

    /** DM only: fails when Huifu's quota answer has an amount below the withdrawal's; no readable amount passes. */
    public static Optional<CheckFailure> checkQuota(Amount cashAmt, Optional<Amount> quota) {
        if (quota.isPresent() && quota.get().compareTo(cashAmt) < 0) {
            return Optional.of(CheckFailure.DM_QUOTA_EXCEEDED);
        }
        return Optional.empty();
    }

    static Optional<CheckFailure> against(CheckMode mode, Candidate candidate, Optional<AccountFacts> known) {
        if (mode == CheckMode.OFF) {
            return Optional.empty();
        }
        if (known.isEmpty()) {
            return mode == CheckMode.REQUIRED ? Optional.of(CheckFailure.CARD_NOT_BOUND) : Optional.empty();
        }
        AccountFacts account = known.get();
        if (FROZEN_FOR_WITHDRAWALS.equals(account.merStat())) {
            return Optional.of(CheckFailure.ACCOUNT_FROZEN);
        }
        if (account.cards() != null && account.cards().stream()
                .noneMatch(card -> card.open() && card.tokenNo().equals(candidate.tokenNo()))) {
            return Optional.of(CheckFailure.CARD_NOT_BOUND);
        }
        if (account.cashConfig() != null && account.cashConfig().stream()
                .noneMatch(entry -> entry.cashType() == candidate.cashType() && switchedOn(entry))) {
            return Optional.of(CheckFailure.CASH_TYPE_OFF);
        }
        return Optional.empty();
    }

    private static boolean switchedOn(CashConfigEntry entry) {
        return !"0".equals(entry.switchState());
    }
}
