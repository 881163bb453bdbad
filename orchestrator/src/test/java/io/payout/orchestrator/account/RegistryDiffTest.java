package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.account.AccountChange;
import io.payout.model.account.CashConfigEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which learned facts are changes (CONTRACT.md §6) and which are repeats that must publish nothing. */
class RegistryDiffTest {

    private static final String HUIFU_ID = "6666000123456789";
    private static final KnownCard CARD = new KnownCard("10004053462", "****2233", "ab12", "1", true, true);
    private static final CashConfigEntry T1 = new CashConfigEntry(IntoAcctDateType.T1, "1", Amount.parse("1.00"),
            null, null, null, null, null);
    private static final CashConfigEntry D0 = new CashConfigEntry(IntoAcctDateType.D0, "1", null, "0.05", null,
            null, "1", null);

    private static AccountFacts facts(List<KnownCard> cards, List<CashConfigEntry> config, String merStat) {
        return new AccountFacts(HUIFU_ID, AccountKind.MERCHANT, cards, config, merStat);
    }

    @Test
    void aNewOpenCardIsBound() {
        List<FactChange> changes = RegistryDiff.between(AccountFacts.unknown(HUIFU_ID, AccountKind.MERCHANT),
                facts(List.of(CARD), null, null));

        assertThat(changes).containsExactly(FactChange.card(AccountChange.CARD_BOUND, CARD));
    }

    @Test
    void learningTheSameFactsAgainChangesNothing() {
        AccountFacts known = facts(List.of(CARD), List.of(T1, D0), "NORMAL");

        assertThat(RegistryDiff.between(known, facts(List.of(CARD), List.of(D0, T1), "NORMAL"))).isEmpty();
    }

    @Test
    void aKnownOpenCardShownClosedIsClosedOnceAndAnUnknownClosedCardIsNoChange() {
        KnownCard closed = new KnownCard(CARD.tokenNo(), CARD.maskedCardNo(), CARD.cardHmac(), "1", true, false);
        KnownCard otherClosed = new KnownCard("10004059999", "****9999", "cd34", "0", false, false);

        List<FactChange> changes = RegistryDiff.between(facts(List.of(CARD), null, null),
                facts(List.of(closed, otherClosed), null, null));

        assertThat(changes).containsExactly(FactChange.card(AccountChange.CARD_CLOSED, closed));
        assertThat(RegistryDiff.between(facts(List.of(closed), null, null), facts(List.of(closed), null, null)))
                .isEmpty();
    }

    @Test
    void aCardThatBecameTheDefaultIsBoundAgainWithItsNewFlag() {
        KnownCard notDefault = new KnownCard(CARD.tokenNo(), CARD.maskedCardNo(), CARD.cardHmac(), "1", false, true);

        assertThat(RegistryDiff.between(facts(List.of(notDefault), null, null), facts(List.of(CARD), null, null)))
                .containsExactly(FactChange.card(AccountChange.CARD_BOUND, CARD));
    }

    @Test
    void anAbsentListIsUnknownNotEmpty() {
        AccountFacts known = facts(List.of(CARD), List.of(T1), "NORMAL");
        AccountFacts nothingLearned = AccountFacts.unknown(HUIFU_ID, AccountKind.MERCHANT);

        assertThat(RegistryDiff.between(known, nothingLearned)).isEmpty();
        assertThat(RegistryDiff.merged(known, nothingLearned)).isEqualTo(known);
    }

    @Test
    void aChangedCashConfigurationIsPublishedWholeInTypeOrder() {
        CashConfigEntry d0Off = new CashConfigEntry(IntoAcctDateType.D0, "0", null, "0.05", null, null, "1", null);

        List<FactChange> changes = RegistryDiff.between(facts(null, List.of(T1, D0), null),
                facts(null, List.of(T1, d0Off), null));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.change()).isEqualTo(AccountChange.CASH_CONFIG);
            assertThat(change.cashConfig()).containsExactly(d0Off, T1);
        });
    }

    @Test
    void theFirstCashConfigurationLearnedIsAChange() {
        assertThat(RegistryDiff.between(facts(null, null, null), facts(null, List.of(T1), null)))
                .extracting(FactChange::change).containsExactly(AccountChange.CASH_CONFIG);
    }

    @Test
    void aNewMerStatIsAnAccountStatusChange() {
        assertThat(RegistryDiff.between(facts(null, null, "NORMAL"), facts(null, null, "FREEZEWITHDRAWAL")))
                .containsExactly(new FactChange(AccountChange.ACCOUNT_STATUS, null, null, "FREEZEWITHDRAWAL"));
    }

    @Test
    void mergingKeepsKnownCardsAndReplacesWhatWasLearned() {
        KnownCard second = new KnownCard("10004059999", "****9999", "cd34", "0", false, true);
        AccountFacts merged = RegistryDiff.merged(facts(List.of(CARD), List.of(T1), "NORMAL"),
                facts(List.of(second), null, "FREEZEWITHDRAWAL"));

        assertThat(merged.cards()).containsExactly(CARD, second);
        assertThat(merged.cashConfig()).containsExactly(T1);
        assertThat(merged.merStat()).isEqualTo("FREEZEWITHDRAWAL");
    }
}
