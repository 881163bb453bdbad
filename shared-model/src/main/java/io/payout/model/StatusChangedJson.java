package io.payout.model;

/**
 * Writes a {@link WithdrawalStatusChanged} as the product's Jackson mapper does (the same text, field for field,
 * nulls included), by hand: every state change renders one, and through Jackson's bean serializer (reflective
 * accessors, a generator per call) it was about a seventh of the orchestrator's CPU at intake. The record and its
 * annotations stay the definition of the shape; {@code StatusChangedJsonTest} holds this writer to Jackson's output.
 */
public final class StatusChangedJson {

    private StatusChangedJson() {
    }

    public static String write(WithdrawalStatusChanged e) {
        StringBuilder out = new StringBuilder(448);
        out.append('{');
        field(out, "event_id", e.eventId().toString(), true);
        field(out, "withdrawal_id", e.withdrawalId(), false);
        field(out, "status", name(e.status()), false);
        field(out, "previous_status", name(e.previousStatus()), false);
        field(out, "huifu_id", e.huifuId(), false);
        field(out, "account_kind", name(e.accountKind()), false);
        field(out, "into_acct_date_type", name(e.intoAcctDateType()), false);
        field(out, "cash_amt", text(e.cashAmt()), false);
        field(out, "fee_amt", text(e.feeAmt()), false);
        field(out, "expected_fee_amt", text(e.expectedFeeAmt()), false);
        field(out, "req_date", e.reqDate(), false);
        field(out, "req_seq_id", e.reqSeqId(), false);
        field(out, "hf_seq_id", e.hfSeqId(), false);
        field(out, "reason_code", e.reasonCode(), false);
        field(out, "reason", e.reason(), false);
        field(out, "source", name(e.source()), false);
        field(out, "occurred_at", IsoInstants.format(e.occurredAt()), false);
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value, boolean first) {
        if (!first) {
            out.append(',');
        }
        out.append('"').append(name).append("\":");
        JsonStrings.appendQuoted(out, value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String text(Amount amount) {
        return amount == null ? null : amount.toString();
    }
}
