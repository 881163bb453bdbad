package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WithdrawalRequestParserTest {

    private static final String VALID = """
            {"withdrawal_id":"w-1","huifu_id":"6666000123456789","account_kind":"MERCHANT","token_no":"10004053462",
             "cash_amt":"100.00","into_acct_date_type":"T1","remark":"月结","requested_at":"2026-11-25T08:00:00Z",
             "some_future_field":{"ignored":true}}""";

    private final WithdrawalRequestParser parser = new WithdrawalRequestParser();

    @Test
    void readsAValidRequestIgnoringUnknownFields() {
        var parsed = parser.parse(VALID.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.valid()).isTrue();
        WithdrawalRequested request = parsed.request();
        assertThat(request.withdrawalId()).isEqualTo("w-1");
        assertThat(request.cashAmt()).isEqualTo(Amount.parse("100.00"));
        assertThat(request.intoAcctDateType()).isEqualTo(IntoAcctDateType.T1);
        assertThat(request.accountKind()).isEqualTo(AccountKind.MERCHANT);
        assertThat(request.remark()).isEqualTo("月结");
        assertThat(request.acctId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "\"text\"", "{\"withdrawal_id\":\"a\",", "null",
            "{\"withdrawal_id\":\"a\",\"withdrawal_id\":\"b\"}"})
    void unreadableValuesAreMalformed(String value) {
        var parsed = parser.parse(value.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.reasonCode()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(parsed.errors()).isNotEmpty();
    }

    @Test
    void invalidUtf8IsMalformed() {
        var parsed = parser.parse(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        assertThat(parsed.reasonCode()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(parsed.errors()).extracting(FieldError::message).containsExactly("record value is not valid UTF-8");
    }

    @Test
    void reportsEveryBrokenFieldAtOnce() {
        String value = """
                {"withdrawal_id":"w 1","huifu_id":"","account_kind":"BANK","token_no":123456789012345678901,
                 "cash_amt":"1.0","into_acct_date_type":"T0","remark":"%s","requested_at":"yesterday"}"""
                .formatted("x".repeat(101));

        var parsed = parser.parse(value.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.reasonCode()).isEqualTo(RejectionReason.VALIDATION_FAILED);
        assertThat(parsed.id()).isNull();
        assertThat(parsed.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "withdrawal_id", "huifu_id", "account_kind", "token_no", "cash_amt", "into_acct_date_type",
                "remark", "requested_at");
    }

    @Test
    void keepsTheWithdrawalIdWhenOnlyOtherFieldsAreWrong() {
        String value = VALID.replace("\"100.00\"", "\"0.00\"");

        var parsed = parser.parse(value.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.reasonCode()).isEqualTo(RejectionReason.VALIDATION_FAILED);
        assertThat(parsed.id()).isEqualTo("w-1");
        assertThat(parsed.errors()).singleElement()
                .isEqualTo(new FieldError("cash_amt", "cash_amt must be at least 0.01: 0.00"));
    }

    @Test
    void amountsMustBeStringsNotNumbers() {
        var parsed = parser.parse(VALID.replace("\"100.00\"", "100.00").getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.errors()).singleElement()
                .isEqualTo(new FieldError("cash_amt", "cash_amt must be a string"));
    }

    @Test
    void sameContentIgnoresOnlyTheRequestTime() {
        WithdrawalRequested first = parser.parse(VALID.getBytes(StandardCharsets.UTF_8)).request();
        WithdrawalRequested later = parser.parse(VALID.replace("08:00:00Z", "09:00:00Z")
                .getBytes(StandardCharsets.UTF_8)).request();
        WithdrawalRequested other = parser.parse(VALID.replace("\"100.00\"", "\"100.01\"")
                .getBytes(StandardCharsets.UTF_8)).request();

        assertThat(first.sameContentAs(later)).isTrue();
        assertThat(first.sameContentAs(other)).isFalse();
    }

    @Test
    void toStringMasksTheCardToken() {
        WithdrawalRequested request = parser.parse(VALID.getBytes(StandardCharsets.UTF_8)).request();

        assertThat(request.toString()).doesNotContain("10004053462").contains("****3462");
    }
}
