package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.CashConfigEntry;
import io.payout.orchestrator.account.SendChecks.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each check before a send, what is unknown passing, and the one refresh before a card or cash-type failure. */
class SendChecksTest {

    private static final String HUIFU_ID = "6666000123456789";
    private static final KnownCard CARD = new KnownCard("10004053462", "****2233", "9f2a", "1", true, true);
    private static final CashConfigEntry T1_ON = entry(IntoAcctDateType.T1, "1");
    private static final CashConfigEntry D0_OFF = entry(IntoAcctDateType.D0, "0");
    private static final Candidate T1_TO_CARD = new Candidate(HUIFU_ID, CARD.tokenNo(), IntoAcctDateType.T1);

    private final List<String> refreshes = new ArrayList<>();

    private static CashConfigEntry entry(IntoAcctDateType type, String switchState) {
        return new CashConfigEntry(type, switchState, Amount.parse("1.00"), null, null, null, null, null);
    }

    private static Optional<AccountFacts> account(List<KnownCard> cards, List<CashConfigEntry> config,
                                                  String merStat) {
        return Optional.of(new AccountFacts(HUIFU_ID, AccountKind.MERCHANT, cards, config, merStat));
    }

    /** A refresh that records each call and answers {@code after}. */
    private Function<String, Optional<AccountFacts>> refreshTo(Optional<AccountFacts> after) {
        return huifuId -> {
            refreshes.add(huifuId);
            return after;
        };
    }

    @Test
    void aBoundOpenCardWithItsTypeOnPassesWithoutARefresh() {
        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, T1_TO_CARD,
                account(List.of(CARD), List.of(T1_ON, D0_OFF), "NORMAL"), refreshTo(Optional.empty()))).isEmpty();
        assertThat(refreshes).isEmpty();
    }

    @Test
    void aCardNotBoundFailsAfterOneRefreshThatStillDoesNotShowIt() {
        Candidate other = new Candidate(HUIFU_ID, "10004059999", IntoAcctDateType.T1);
        Optional<AccountFacts> known = account(List.of(CARD), null, null);

        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, other, known, refreshTo(known)))
                .contains(CheckFailure.CARD_NOT_BOUND);
        assertThat(refreshes).containsExactly(HUIFU_ID);
    }

    @Test
    void aCardBoundInHuifusConsoleIsFoundByTheRefreshAndPasses() {
        KnownCard console = new KnownCard("10004059999", "****9999", "cd34", "0", false, true);
        Candidate toConsoleCard = new Candidate(HUIFU_ID, console.tokenNo(), IntoAcctDateType.T1);

        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, toConsoleCard, account(List.of(CARD), null, null),
                refreshTo(account(List.of(CARD, console), null, null)))).isEmpty();
    }

    @Test
    void aClosedCardIsNotBound() {
        KnownCard closed = new KnownCard(CARD.tokenNo(), CARD.maskedCardNo(), CARD.cardHmac(), "1", true, false);
        Optional<AccountFacts> known = account(List.of(closed), null, null);

        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, T1_TO_CARD, known, refreshTo(known)))
                .contains(CheckFailure.CARD_NOT_BOUND);
    }

    @Test
    void aTypeSwitchedOffOrNotConfiguredFailsCashTypeOff() {
        Optional<AccountFacts> known = account(List.of(CARD), List.of(T1_ON, D0_OFF), null);

        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS,
                new Candidate(HUIFU_ID, CARD.tokenNo(), IntoAcctDateType.D0), known, refreshTo(known)))
                .contains(CheckFailure.CASH_TYPE_OFF);
        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS,
                new Candidate(HUIFU_ID, CARD.tokenNo(), IntoAcctDateType.DM), known, refreshTo(known)))
                .contains(CheckFailure.CASH_TYPE_OFF);
        assertThat(refreshes).hasSize(2);
    }

    @Test
    void aFrozenMerchantFailsWithoutARefresh() {
        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, T1_TO_CARD,
                account(List.of(CARD), List.of(T1_ON), "FREEZEWITHDRAWAL"), refreshTo(Optional.empty())))
                .contains(CheckFailure.ACCOUNT_FROZEN);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void whatIsUnknownIsNotAFailure() {
        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, T1_TO_CARD, account(null, null, null),
                refreshTo(Optional.empty()))).isEmpty();
        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, T1_TO_CARD, Optional.empty(),
                refreshTo(Optional.empty()))).isEmpty();
    }

    @Test
    void aRefreshThatDoesNotAnswerLeavesTheRegistrysFactsStanding() {
        Candidate other = new Candidate(HUIFU_ID, "10004059999", IntoAcctDateType.T1);

        assertThat(SendChecks.check(CheckMode.KNOWN_ACCOUNTS, other, account(List.of(CARD), null, null),
                refreshTo(Optional.empty()))).contains(CheckFailure.CARD_NOT_BOUND);
    }

    @Test
    void requiredModeFailsAnAccountNobodyKnowsEvenAfterARefreshAndOffChecksNothing() {
        assertThat(SendChecks.check(CheckMode.REQUIRED, T1_TO_CARD, Optional.empty(), refreshTo(Optional.empty())))
                .contains(CheckFailure.CARD_NOT_BOUND);
        assertThat(refreshes).containsExactly(HUIFU_ID);
        assertThat(SendChecks.check(CheckMode.OFF, T1_TO_CARD, account(List.of(), List.of(), "FREEZEWITHDRAWAL"),
                refreshTo(Optional.empty()))).isEmpty();
    }

    @Test
    void theDmQuotaFailsOnlyOnAReadableAmountBelowTheWithdrawal() {
        Amount cashAmt = Amount.parse("500.00");

        assertThat(SendChecks.checkQuota(cashAmt, Optional.of(Amount.parse("499.99"))))
                .contains(CheckFailure.DM_QUOTA_EXCEEDED);
        assertThat(SendChecks.checkQuota(cashAmt, Optional.of(Amount.parse("500.00")))).isEmpty();
        assertThat(SendChecks.checkQuota(cashAmt, Optional.empty())).isEmpty();
    }
}
