package io.payout.model;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Turns the bytes of a {@code withdrawal.requests} record into a {@link WithdrawalRequested}, or into every
 * reason it breaks CONTRACT.md §1. It never throws on bad input: bad input must become a rejection, not a stall.
 */
public final class WithdrawalRequestParser {

    public ParsedRequest<WithdrawalRequested> parse(byte[] value) {
        RecordJson.Read read = RecordJson.object(value);
        return read.problem() != null ? ParsedRequest.malformed(read.problem()) : validate(read.object());
    }

    private ParsedRequest<WithdrawalRequested> validate(JsonNode root) {
        RecordFields fields = RecordFields.of(root);
        String withdrawalId = fields.idempotencyKey("withdrawal_id");
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
            return ParsedRequest.invalid(withdrawalId, fields.errors());
        }
        return ParsedRequest.valid(new WithdrawalRequested(withdrawalId, huifuId, accountKind, tokenNo, cashAmt,
                dateType, acctId, remark, requestedAt), withdrawalId);
    }
}
