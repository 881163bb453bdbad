package io.payout.orchestrator.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.huifu.QueryOutcome;
import io.payout.orchestrator.reconciliation.ReconciliationLine.Result;
import io.payout.orchestrator.huifu.TransStatus;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DailyReconciliationTest {

    /** current serial?, our state, our fee, Huifu's answer (S/F/P/NOT_FOUND/UNKNOWN), Huifu's fee -> result. */
    @ParameterizedTest(name = "current={0} {1} fee {2} vs Huifu {3} fee {4}: {5}")
    @CsvSource({
            "true,  SUCCEEDED,  1.00, S,         1.00, MATCH",
            "true,  SUCCEEDED,  1.00, S,         1.01, MISMATCH",
            "true,  SUCCEEDED,    '', S,         1.00, MISMATCH",
            "true,  REFUNDED,   1.00, F,         1.00, MATCH",
            "true,  FAILED,       '', F,         1.00, MATCH",
            "true,  FAILED,       '', NOT_FOUND,   '', MATCH",
            "true,  PROCESSING,   '', P,         1.00, MATCH",
            "true,  ACCOUNTED,  1.00, S,         1.00, MISMATCH",
            "true,  SUCCEEDED,  1.00, F,         1.00, MISMATCH",
            "true,  FAILED,       '', S,         1.00, MISMATCH",
            "true,  PROCESSING,   '', NOT_FOUND,   '', MISMATCH",
            "true,  REQUESTED,    '', NOT_FOUND,   '', MATCH",
            "false, SUCCEEDED,  1.00, NOT_FOUND,   '', MATCH",
            "false, SUCCEEDED,  1.00, P,         1.00, MISMATCH",
            "true,  SUCCEEDED,  1.00, UNKNOWN,     '', UNANSWERED",
    })
    void comparesStateAmountAndFeeWithHuifusAnswer(boolean current, WithdrawalStatus status, String fee,
                                                   String answer, String huifuFee, Result expected) {
        SentSerial serial = new SentSerial("w-1", "6666000000000001", "20261126", "seq", current, status,
                Amount.parse("10.00"), fee.isEmpty() ? null : Amount.parse(fee));
        QueryOutcome outcome = switch (answer) {
            case "NOT_FOUND" -> new QueryOutcome.NotFound("20000004", "交易不存在");
            case "UNKNOWN" -> new QueryOutcome.Unknown("timeout", null, false);
            default -> new QueryOutcome.Found(TransStatus.of(answer).orElseThrow(), "hf", Amount.parse("10.00"),
                    huifuFee.isEmpty() ? null : Amount.parse(huifuFee), "00000000", "");
        };

        ReconciliationLine line = DailyReconciliation.compare(serial, outcome);

        assertThat(line.result()).as(line.detail()).isEqualTo(expected);
    }

    @Test
    void aDifferentCashAmountIsAMismatchEvenWhenTheStatesAgree() {
        SentSerial serial = new SentSerial("w-1", "6666000000000001", "20261126", "seq", true,
                WithdrawalStatus.SUCCEEDED, Amount.parse("10.00"), Amount.parse("1.00"));

        ReconciliationLine line = DailyReconciliation.compare(serial, new QueryOutcome.Found(TransStatus.SUCCEEDED, "hf",
                Amount.parse("100.00"), Amount.parse("1.00"), "00000000", ""));

        assertThat(line.result()).isEqualTo(Result.MISMATCH);
        assertThat(line.detail()).contains("cash_amt 10.00 but Huifu 100.00");
        assertThat(line.csv()).endsWith("MISMATCH,\"cash_amt 10.00 but Huifu 100.00\"");
    }

    @Test
    void aFeeOtherThanTheExpectedOneIsAMismatchEvenWhenHuifuAndWeAgreeOnIt() {
        SentSerial serial = new SentSerial("w-1", "6666000000000001", "20261126", "seq", true,
                WithdrawalStatus.SUCCEEDED, Amount.parse("100.00"), Amount.parse("2.00"), Amount.parse("1.00"));
        SentSerial asExpected = new SentSerial("w-2", "6666000000000001", "20261126", "seq-2", true,
                WithdrawalStatus.SUCCEEDED, Amount.parse("100.00"), Amount.parse("1.00"), Amount.parse("1.00"));

        ReconciliationLine line = DailyReconciliation.compare(serial, new QueryOutcome.Found(TransStatus.SUCCEEDED,
                "hf", Amount.parse("100.00"), Amount.parse("2.00"), "00000000", ""));
        ReconciliationLine matching = DailyReconciliation.compare(asExpected, new QueryOutcome.Found(
                TransStatus.SUCCEEDED, "hf", Amount.parse("100.00"), Amount.parse("1.00"), "00000000", ""));

        assertThat(line.result()).isEqualTo(Result.MISMATCH);
        assertThat(line.detail()).isEqualTo("FEE_MISMATCH: Huifu fee_amt 2.00, expected 1.00");
        assertThat(matching.result()).isEqualTo(Result.MATCH);
    }

    @Test
    void businessDatesMustBeRealCalendarDatesInYyyyMMdd() {
        assertThat(DailyReconciliation.businessDate("20240229")).isEqualTo("20240229");
        assertThatThrownBy(() -> DailyReconciliation.businessDate("20230229"))
                .hasMessageContaining("not a calendar date");
        assertThatThrownBy(() -> DailyReconciliation.businessDate("2023-02-28")).hasMessageContaining("yyyyMMdd");
        assertThatThrownBy(() -> DailyReconciliation.businessDate(null)).hasMessageContaining("yyyyMMdd");
    }
}
