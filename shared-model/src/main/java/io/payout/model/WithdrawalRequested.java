package io.payout.model;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An upstream service asks for a withdrawal (topic {@code withdrawal.requests}, key {@code withdrawal_id}).
 * Build it from untrusted bytes with {@link WithdrawalRequestParser}, which checks every rule of CONTRACT.md §1.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WithdrawalRequested(
        String withdrawalId,
        String huifuId,
        AccountKind accountKind,
        String tokenNo,
        Amount cashAmt,
        IntoAcctDateType intoAcctDateType,
        String acctId,
        String remark,
        Instant requestedAt) {

    public WithdrawalRequested {
        Objects.requireNonNull(withdrawalId, "withdrawal_id is required");
        Objects.requireNonNull(huifuId, "huifu_id is required");
        Objects.requireNonNull(accountKind, "account_kind is required");
        Objects.requireNonNull(tokenNo, "token_no is required");
        Objects.requireNonNull(cashAmt, "cash_amt is required");
        Objects.requireNonNull(intoAcctDateType, "into_acct_date_type is required");
    }

    /** Same withdrawal asked again? Everything but the time it was asked must match (CONTRACT.md §3). */
    public boolean sameContentAs(WithdrawalRequested other) {
        return withdrawalId.equals(other.withdrawalId)
                && huifuId.equals(other.huifuId)
                && accountKind == other.accountKind
                && tokenNo.equals(other.tokenNo)
                && cashAmt.equals(other.cashAmt)
                && intoAcctDateType == other.intoAcctDateType
                && Objects.equals(acctId, other.acctId)
                && Objects.equals(remark, other.remark);
    }

    @Override
    public String toString() {
        // token_no identifies a bound bank card: show only its last four characters.
        return "WithdrawalRequested[withdrawal_id=" + withdrawalId + ", huifu_id=" + huifuId
                + ", account_kind=" + accountKind + ", token_no=" + Masking.tail(tokenNo)
                + ", cash_amt=" + cashAmt + ", into_acct_date_type=" + intoAcctDateType + "]";
    }
}
