package io.payout.model;

import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns the bytes of a {@code withdrawal.requests} record into a {@link WithdrawalRequested}, or into every
 * reason it breaks CONTRACT.md §1. It never throws on bad input: bad input must become a rejection, not a stall.
 */
public final class WithdrawalRequestParser {

    private static final Pattern WITHDRAWAL_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    /** The result: exactly one of {@code request} and {@code reasonCode} is set. */
    public record Parsed(WithdrawalRequested request, String withdrawalId, RejectionReason reasonCode,
                         List<FieldError> errors) {
        public boolean valid() {
            return request != null;
        }
    }

    public Parsed parse(byte[] value) {
        RecordJson.Read read = RecordJson.object(value);
        if (read.problem() != null) {
            return new Parsed(null, null, RejectionReason.MALFORMED, List.of(read.problem()));
        }
        return validate(read.object());
    }

    private Parsed validate(JsonNode root) {
        RecordFields fields = RecordFields.of(root);
        String withdrawalId = fields.text("withdrawal_id", true, 64);
        if (withdrawalId != null && !WITHDRAWAL_ID.matcher(withdrawalId).matches()) {
            fields.error("withdrawal_id", "withdrawal_id must match ^[A-Za-z0-9_-]{1,64}$");
            withdrawalId = null;
        }
        String huifuId = fields.text("huifu_id", true, 32);
        AccountKind accountKind = fields.enumValue("account_kind", AccountKind.class);
        String tokenNo = fields.text("token_no", true, 20);
        Amount cashAmt = null;
        String cashText = fields.text("cash_amt", true, Integer.MAX_VALUE);
        if (cashText != null) {
            try {
                cashAmt = Amount.parseCashAmount("cash_amt", cashText);
            } catch (IllegalArgumentException e) {
                fields.error("cash_amt", e.getMessage());
            }
        }
        IntoAcctDateType dateType = fields.enumValue("into_acct_date_type", IntoAcctDateType.class);
        String acctId = fields.text("acct_id", false, 32);
        String remark = fields.text("remark", false, 100);
        Instant requestedAt = fields.instant("requested_at");
        if (fields.hasErrors()) {
            return new Parsed(null, withdrawalId, RejectionReason.VALIDATION_FAILED, fields.errors());
        }
        return new Parsed(new WithdrawalRequested(withdrawalId, huifuId, accountKind, tokenNo, cashAmt, dateType,
                acctId, remark, requestedAt), withdrawalId, null, List.of());
    }
}
