package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes two requests the same withdrawal asked again, and the fingerprint kept of it after archiving. */
class WithdrawalRequestedTest {

    private static final WithdrawalRequested REQUEST = new WithdrawalRequested("w-1", "6666000123456789",
            AccountKind.MERCHANT, "10004053462", Amount.parse("100.00"), IntoAcctDateType.D0, null, "payroll",
            Instant.parse("2026-12-01T02:00:00Z"));

    @Test
    void theSameContentAskedAtAnotherTimeHasTheSameFingerprint() {
        WithdrawalRequested later = new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT,
                "10004053462", Amount.parse("100.00"), IntoAcctDateType.D0, null, "payroll",
                Instant.parse("2027-06-01T02:00:00Z"));

        assertThat(later.sameContentAs(REQUEST)).isTrue();
        assertThat(later.contentFingerprint()).isEqualTo(REQUEST.contentFingerprint());
    }

    @Test
    void everyComparedFieldChangesTheFingerprint() {
        List<WithdrawalRequested> changed = List.of(
                new WithdrawalRequested("w-2", "6666000123456789", AccountKind.MERCHANT, "10004053462",
                        Amount.parse("100.00"), IntoAcctDateType.D0, null, "payroll", null),
                new WithdrawalRequested("w-1", "6666000123456780", AccountKind.MERCHANT, "10004053462",
                        Amount.parse("100.00"), IntoAcctDateType.D0, null, "payroll", null),
                new WithdrawalRequested("w-1", "6666000123456789", AccountKind.USER, "10004053462",
                        Amount.parse("100.00"), IntoAcctDateType.D0, null, "payroll", null),
                new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT, "10004053463",
                        Amount.parse("100.00"), IntoAcctDateType.D0, null, "payroll", null),
                new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT, "10004053462",
                        Amount.parse("100.01"), IntoAcctDateType.D0, null, "payroll", null),
                new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT, "10004053462",
                        Amount.parse("100.00"), IntoAcctDateType.T1, null, "payroll", null),
                new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT, "10004053462",
                        Amount.parse("100.00"), IntoAcctDateType.D0, "F02", "payroll", null),
                new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT, "10004053462",
                        Amount.parse("100.00"), IntoAcctDateType.D0, null, null, null),
                new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT, "10004053462",
                        Amount.parse("100.00"), IntoAcctDateType.D0, "", "payroll", null));

        for (WithdrawalRequested other : changed) {
            assertThat(other.sameContentAs(REQUEST)).as(other.toString()).isFalse();
            assertThat(other.contentFingerprint()).as(other.toString()).isNotEqualTo(REQUEST.contentFingerprint());
        }
    }

    @Test
    void fieldsDoNotRunIntoEachOther() {
        WithdrawalRequested a = new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT,
                "10004053462", Amount.parse("1.00"), IntoAcctDateType.D0, "ab", "c", null);
        WithdrawalRequested b = new WithdrawalRequested("w-1", "6666000123456789", AccountKind.MERCHANT,
                "10004053462", Amount.parse("1.00"), IntoAcctDateType.D0, "a", "bc", null);

        assertThat(a.contentFingerprint()).isNotEqualTo(b.contentFingerprint());
    }

    @Test
    void theFingerprintOfAStoredRequestNeverChanges() {
        // Archived withdrawals keep only this digest: a change of its definition would turn every replay of an
        // archived request into a conflict. The value was computed apart from this code: SHA-256 over each field as 0x00 (absent) or 0x01, its UTF-8 length
        // (4 bytes, big-endian) and its UTF-8 bytes, in the order id, huifu_id, account_kind, token_no, cash_amt,
        // into_acct_date_type, acct_id, remark
        assertThat(HexFormat.of().formatHex(REQUEST.contentFingerprint()))
                .isEqualTo("404a2a15a418423d4ab8d0a6acd2c2ecc4b3dc3024d3848ee54028de1e62ea16");
    }
}
