package io.payout.orchestrator.reconciliation.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementMatcherTest {

    private static final String ACCOUNT = "6666000000000001";

    @ParameterizedTest(name = "{0} vs {1}: agrees={2}")
    @CsvSource({
            "SUCCEEDED,  S, true",
            "FAILED,     F, true",
            "REFUNDED,   F, true",
            "PROCESSING, P, true",
            "ACCOUNTED,  P, true",
            "ACCOUNTED,  S, false",
            "SUCCEEDED,  F, false",
            "FAILED,     S, false",
            "SUCCEEDED,  P, false",
            "SUCCEEDED,  X, false",
    })
    void aRowStillProcessingMatchesProcessingOrAccounted(WithdrawalStatus ours, String row, boolean agrees) {
        assertThat(StatementMatcher.statusAgrees(ours, row)).isEqualTo(agrees);
    }

    @Test
    void anAgreeingStatementRaisesNothing() {
        StatementMatcher matcher = new StatementMatcher("20261126", List.of(serial("20261126", "a", "SUCCEEDED")));

        assertThat(matcher.accept(row("20261126", "a", "10.00", "1.00", "S"))).isEmpty();
        assertThat(matcher.finish()).isEmpty();
        assertThat(matcher.carried()).isEmpty();
    }

    @Test
    void classifiesEachDisagreementOnce() {
        StatementMatcher matcher = new StatementMatcher("20261126", List.of(
                serial("20261126", "amount", "SUCCEEDED"), serial("20261126", "fee", "SUCCEEDED"),
                serial("20261126", "status", "FAILED")));

        assertThat(matcher.accept(row("20261126", "amount", "11.00", "1.00", "S")))
                .extracting(StatementBreak::breakClass).containsExactly(BreakClass.AMOUNT_MISMATCH);
        assertThat(matcher.accept(row("20261126", "fee", "10.00", "2.00", "S")))
                .extracting(StatementBreak::breakClass).containsExactly(BreakClass.FEE_MISMATCH);
        assertThat(matcher.accept(row("20261126", "status", "10.00", "1.00", "S")))
                .extracting(StatementBreak::breakClass).containsExactly(BreakClass.STATUS_MISMATCH);
        List<StatementBreak> unknown = matcher.accept(row("20261126", "elsewhere", "50.00", "1.00", "S"));
        assertThat(unknown).singleElement().satisfies(b -> {
            assertThat(b.breakClass()).isEqualTo(BreakClass.UNKNOWN_TO_US);
            assertThat(b.tradeDate()).isEqualTo("20261126");
            assertThat(b.withdrawalId()).isNull();
        });
        assertThat(matcher.finish()).isEmpty();
    }

    @Test
    void aFailedRowsFeeIsNotCompared() {
        StatementMatcher matcher = new StatementMatcher("20261126", List.of(serial("20261126", "a", "FAILED")));

        assertThat(matcher.accept(row("20261126", "a", "10.00", "3.00", "F"))).isEmpty();
    }

    @Test
    void aMissingSerialIsCarriedTwoDaysBeforeItBecomesABreak() {
        StatementMatcher matcher = new StatementMatcher("20261126", List.of(serial("20261126", "today", "PROCESSING"),
                serial("20261125", "yesterday", "PROCESSING"), serial("20261124", "twoDaysAgo", "SUCCEEDED")));

        List<StatementBreak> breaks = matcher.finish();

        assertThat(breaks).singleElement().satisfies(b -> {
            assertThat(b.breakClass()).isEqualTo(BreakClass.MISSING_AT_HUIFU);
            assertThat(b.reqSeqId()).isEqualTo("twoDaysAgo");
            assertThat(b.withdrawalId()).isEqualTo("w-twoDaysAgo");
        });
        assertThat(matcher.carried()).extracting(SentSerial::reqSeqId).containsExactly("today", "yesterday");
    }

    @Test
    void aRowListedAfterMidnightMatchesTheCarriedSerialOfTheDayBefore() {
        StatementMatcher matcher = new StatementMatcher("20261126", List.of(serial("20261125", "late", "SUCCEEDED")));

        assertThat(matcher.accept(row("20261125", "late", "10.00", "1.00", "S"))).isEmpty();
        assertThat(matcher.finish()).isEmpty();
        assertThat(matcher.carried()).isEmpty();
    }

    private static SentSerial serial(String reqDate, String reqSeqId, String status) {
        return new SentSerial("w-" + reqSeqId, ACCOUNT, reqDate, reqSeqId, true, WithdrawalStatus.valueOf(status),
                Amount.parse("10.00"), Amount.parse("1.00"));
    }

    private static StatementRow row(String reqDate, String reqSeqId, String cash, String fee, String status) {
        return new StatementRow(ACCOUNT, reqDate, reqSeqId, Amount.parse(cash), Amount.parse(fee), status);
    }
}
