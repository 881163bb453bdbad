package io.payout.orchestrator.huifu;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every row of the classification table: a wrong row pays twice or loses money. */
class HuifuAnswersTest {

    private static final SubmitCommand SENT = new SubmitCommand("6666000123456789", "20261126", "W1",
            Amount.parse("100.00"), IntoAcctDateType.T1, "10004053462", null, null);
    private static final QueryCommand ASKED = new QueryCommand("6666000123456789", "20261126", "W1");

    enum Kind { ACCEPTED, REFUSED, UNKNOWN, RATE_LIMITED, FOUND, NOT_FOUND }

    static Stream<Arguments> submissions() {
        return Stream.of(
                row("accepted, processing", verified("00000000", "P"), Kind.ACCEPTED),
                row("accepted, already done", verified("00000000", "S"), Kind.ACCEPTED),
                row("processed and failed (insufficient balance)", verified("00000000", "F"), Kind.REFUSED),
                row("processed without trans_stat", verified("00000000", null), Kind.UNKNOWN),
                row("processed with an unheard-of trans_stat", verified("00000000", "X"), Kind.UNKNOWN),
                row("invalid parameter", verified("10000000", null), Kind.REFUSED),
                row("unknown account", verified("22000002", null), Kind.REFUSED),
                row("cash type not opened", verified("22000004", null), Kind.REFUSED),
                row("unknown token", verified("22000005", null), Kind.REFUSED),
                row("amount or balance", verified("23000003", "F"), Kind.REFUSED),
                row("business failure, DM quota", verified("90000000", "F"), Kind.REFUSED),
                row("refusal code that says processing", verified("90000000", "P"), Kind.UNKNOWN),
                row("refusal code that says success", verified("10000000", "S"), Kind.UNKNOWN),
                row("duplicate serial", verified("20000000", null), Kind.UNKNOWN),
                row("too frequent", verified("20000001", null), Kind.RATE_LIMITED),
                row("processing code", verified("00000100", null), Kind.UNKNOWN),
                row("system error 99999999", verified("99999999", null), Kind.UNKNOWN),
                row("system error 98888888", verified("98888888", null), Kind.UNKNOWN),
                row("channel error", verified("91111119", null), Kind.UNKNOWN),
                row("a code nobody has seen", verified("12345678", "F"), Kind.UNKNOWN),
                row("no resp_code", verified(null, "S"), Kind.UNKNOWN),
                row("HTTP 500", Exchange.untrusted(500, "HTTP 500"), Kind.UNKNOWN),
                row("HTTP 502", Exchange.untrusted(502, "HTTP 502"), Kind.UNKNOWN),
                row("HTTP 512", Exchange.untrusted(512, "HTTP 512"), Kind.UNKNOWN),
                row("HTTP 404", Exchange.untrusted(404, "HTTP 404"), Kind.UNKNOWN),
                row("HTTP 921", Exchange.untrusted(921, "HTTP 921"), Kind.UNKNOWN),
                row("HTTP 922 bad signature", Exchange.untrusted(922, "HTTP 922"), Kind.UNKNOWN),
                row("HTTP 923", Exchange.untrusted(923, "HTTP 923"), Kind.UNKNOWN),
                row("HTTP 911", Exchange.untrusted(911, "HTTP 911"), Kind.RATE_LIMITED),
                row("HTTP 914", Exchange.untrusted(914, "HTTP 914"), Kind.RATE_LIMITED),
                row("HTTP 200 with a verified refusal body but non-200 status", new Exchange(500,
                        Map.of("resp_code", "10000000"), null), Kind.UNKNOWN),
                row("timeout", Exchange.noAnswer("HttpTimeoutException"), Kind.UNKNOWN),
                row("held back by our own concurrency limit", Exchange.notSent("not sent"), Kind.RATE_LIMITED),
                row("connection refused", Exchange.noAnswer("ConnectException"), Kind.UNKNOWN),
                row("signature does not verify", Exchange.untrusted(200, "signature"), Kind.UNKNOWN),
                row("accepted, but for another serial", verifiedWith(Map.of("resp_code", "00000000",
                        "trans_stat", "P", "req_seq_id", "W2")), Kind.UNKNOWN),
                row("refused, but for another account", verifiedWith(Map.of("resp_code", "23000003",
                        "trans_stat", "F", "huifu_id", "6666000000000000")), Kind.UNKNOWN),
                row("refused, but for another day", verifiedWith(Map.of("resp_code", "90000000",
                        "req_date", "20261125")), Kind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("submissions")
    void classifiesEverySubmissionAnswer(String why, Exchange exchange, Kind expected) {
        SubmitOutcome outcome = HuifuAnswers.submission(exchange, SENT);
        assertThat(kind(outcome)).as(why + " -> " + outcome).isEqualTo(expected);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                row("paid", verifiedQuery("00000000", "S"), Kind.FOUND),
                row("failed", verifiedQuery("00000000", "F"), Kind.FOUND),
                row("processing", verifiedQuery("00000000", "P"), Kind.FOUND),
                row("query ok without trans_status", verifiedQuery("00000000", null), Kind.UNKNOWN),
                row("query ok with an unheard-of trans_status", verifiedQuery("00000000", "Z"), Kind.UNKNOWN),
                row("no such transaction", verifiedQuery("20000004", null), Kind.NOT_FOUND),
                row("legacy no such order", verifiedQuery("23000001", null), Kind.NOT_FOUND),
                row("too frequent", verifiedQuery("20000001", null), Kind.RATE_LIMITED),
                row("invalid parameter", verifiedQuery("10000000", null), Kind.UNKNOWN),
                row("system error", verifiedQuery("99999999", null), Kind.UNKNOWN),
                row("unknown code", verifiedQuery("31415926", null), Kind.UNKNOWN),
                row("no resp_code", verifiedQuery(null, "S"), Kind.UNKNOWN),
                row("HTTP 502", Exchange.untrusted(502, "HTTP 502"), Kind.UNKNOWN),
                row("HTTP 911", Exchange.untrusted(911, "HTTP 911"), Kind.RATE_LIMITED),
                row("timeout", Exchange.noAnswer("HttpTimeoutException"), Kind.UNKNOWN),
                row("signature does not verify", Exchange.untrusted(200, "signature"), Kind.UNKNOWN),
                row("found, but another serial", verifiedWith(Map.of("resp_code", "00000000",
                        "trans_status", "S", "org_req_seq_id", "W2")), Kind.UNKNOWN),
                row("not found, but another date", verifiedWith(Map.of("resp_code", "20000004",
                        "org_req_date", "20261125")), Kind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void classifiesEveryQueryAnswer(String why, Exchange exchange, Kind expected) {
        QueryOutcome outcome = HuifuAnswers.query(exchange, ASKED);
        assertThat(kind(outcome)).as(why + " -> " + outcome).isEqualTo(expected);
    }

    @Test
    void acceptedCarriesHuifuSerialAndStatus() {
        SubmitOutcome outcome = HuifuAnswers.submission(verifiedWith(Map.of("resp_code", "00000000",
                "resp_desc", "受理成功", "trans_stat", "P", "hf_seq_id", "0029X", "req_seq_id", "W1")), SENT);
        assertThat(outcome).isEqualTo(new SubmitOutcome.Accepted(TransStatus.PROCESSING, "0029X", "00000000", "受理成功"));
    }

    @Test
    void refusalCarriesHuifuCodeAndText() {
        SubmitOutcome outcome = HuifuAnswers.submission(verifiedWith(Map.of("resp_code", "90000000",
                "resp_desc", "DM取现额度不足")), SENT);
        assertThat(outcome).isEqualTo(new SubmitOutcome.Refused("90000000", "DM取现额度不足"));
    }

    @Test
    void foundParsesAmountsWhenWellFormed() {
        QueryOutcome outcome = HuifuAnswers.query(verifiedWith(Map.of("resp_code", "00000000",
                "trans_status", "S", "org_hf_seq_id", "0029X", "cash_amt", "100.00", "fee_amt", "1.05",
                "trans_desc", "成功")), ASKED);
        assertThat(outcome).isEqualTo(new QueryOutcome.Found(TransStatus.SUCCEEDED, "0029X", Amount.parse("100.00"),
                Amount.parse("1.05"), "00000000", "成功"));
    }

    @Test
    void foundLeavesMalformedAmountsOut() {
        QueryOutcome outcome = HuifuAnswers.query(verifiedWith(Map.of("resp_code", "00000000",
                "trans_status", "P", "cash_amt", "100", "fee_amt", "-1.00")), ASKED);
        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Found.class, found -> {
            assertThat(found.cashAmt()).isNull();
            assertThat(found.feeAmt()).isNull();
        });
    }

    private static Arguments row(String why, Exchange exchange, Kind expected) {
        return Arguments.of(why, exchange, expected);
    }

    /** A verified submission answer for our serial. */
    private static Exchange verified(String respCode, String transStat) {
        return answer(respCode, "trans_stat", transStat, "req_seq_id");
    }

    /** A verified query answer for our serial. */
    private static Exchange verifiedQuery(String respCode, String transStatus) {
        return answer(respCode, "trans_status", transStatus, "org_req_seq_id");
    }

    private static Exchange answer(String respCode, String statusField, String status, String serialField) {
        Map<String, String> data = new HashMap<>();
        data.put("resp_code", respCode);
        data.put(statusField, status);
        data.put(serialField, "W1");
        data.values().removeIf(v -> v == null);
        return Exchange.verified(200, data);
    }

    private static Exchange verifiedWith(Map<String, String> data) {
        return Exchange.verified(200, data);
    }

    private static Kind kind(SubmitOutcome outcome) {
        if (outcome instanceof SubmitOutcome.Accepted) {
            return Kind.ACCEPTED;
        }
        if (outcome instanceof SubmitOutcome.Refused) {
            return Kind.REFUSED;
        }
        return ((SubmitOutcome.Unknown) outcome).rateLimited() ? Kind.RATE_LIMITED : Kind.UNKNOWN;
    }

    private static Kind kind(QueryOutcome outcome) {
        if (outcome instanceof QueryOutcome.Found) {
            return Kind.FOUND;
        }
        if (outcome instanceof QueryOutcome.NotFound) {
            return Kind.NOT_FOUND;
        }
        return ((QueryOutcome.Unknown) outcome).rateLimited() ? Kind.RATE_LIMITED : Kind.UNKNOWN;
    }
}
