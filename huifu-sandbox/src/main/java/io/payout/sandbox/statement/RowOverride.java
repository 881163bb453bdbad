package io.payout.sandbox.statement;

import io.payout.model.Amount;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a statement row says instead of the ledger's truth, to make a reconciliation break: another
 * {@code cash_amt}, {@code fee_amt} or {@code trans_status}, or no row at all ({@code omit}). The ledger, queries and
 * notices are untouched. {@code req_date} only picks the withdrawal when its serial was used on several dates.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RowOverride(Amount cashAmt, Amount feeAmt, String transStatus, Boolean omit, String reqDate) {

    private static final Set<String> STATUSES = Set.of("S", "F", "P");

    public RowOverride {
        if (transStatus != null && !STATUSES.contains(transStatus)) {
            throw new IllegalArgumentException("trans_status must be S, F or P: " + transStatus);
        }
        if (cashAmt == null && feeAmt == null && transStatus == null && omit == null) {
            throw new IllegalArgumentException("give cash_amt, fee_amt, trans_status or omit");
        }
    }

    public static RowOverride cashAmt(String amount) {
        return new RowOverride(Amount.parse(amount), null, null, null, null);
    }

    public static RowOverride feeAmt(String amount) {
        return new RowOverride(null, Amount.parse(amount), null, null, null);
    }

    public static RowOverride transStatus(String status) {
        return new RowOverride(null, null, status, null, null);
    }

    public static RowOverride omitted() {
        return new RowOverride(null, null, null, true, null);
    }

    /** This alteration with {@code later}'s fields on top: each call changes only what it names. */
    RowOverride then(RowOverride later) {
        return new RowOverride(later.cashAmt != null ? later.cashAmt : cashAmt,
                later.feeAmt != null ? later.feeAmt : feeAmt,
                later.transStatus != null ? later.transStatus : transStatus,
                later.omit != null ? later.omit : omit,
                later.reqDate != null ? later.reqDate : reqDate);
    }

    boolean omits() {
        return Boolean.TRUE.equals(omit);
    }
}
