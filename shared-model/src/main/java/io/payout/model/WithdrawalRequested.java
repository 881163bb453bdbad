package io.payout.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
        return content().equals(other.content());
    }

    /**
     * A SHA-256 digest of what {@link #sameContentAs} compares: two requests have the same fingerprint exactly when
     * they have the same content. It is what remains of a withdrawal once it is archived, so that a request replayed
     * years later is still recognised (CONTRACT.md §3); it must never change for a stored request.
     */
    public byte[] contentFingerprint() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String part : content()) {
            if (part == null) {
                sha256.update((byte) 0);
            } else {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update((byte) 1);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
        }
        return sha256.digest();
    }

    /** The content that identifies a request, in a fixed order: everything but the time it was asked. */
    private List<String> content() {
        return Arrays.asList(withdrawalId, huifuId, accountKind.name(), tokenNo, cashAmt.value().toPlainString(),
                intoAcctDateType.name(), acctId, remark);
    }

    @Override
    public String toString() {
        // token_no identifies a bound bank card: show only its last four characters.
        return "WithdrawalRequested[withdrawal_id=" + withdrawalId + ", huifu_id=" + huifuId
                + ", account_kind=" + accountKind + ", token_no=" + Masking.tail(tokenNo)
                + ", cash_amt=" + cashAmt + ", into_acct_date_type=" + intoAcctDateType + "]";
    }
}
