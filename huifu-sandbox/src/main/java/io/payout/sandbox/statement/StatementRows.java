package io.payout.sandbox.statement;

import io.payout.model.Amount;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.time.Instant;
import java.util.Map;

/**
 * Turns a withdrawal into its statement row as of the generation instant: final only if it was final by then, so a
 * withdrawal still processing at 10:30 of the next day shows P (and acct_status S once it was debited), whatever
 * became of it since. Then any alteration is laid over it.
 */
final class StatementRows {

    private StatementRows() {
    }

    static StatementRow row(WithdrawalView w, Instant asOf, Map<String, String> cardNumbers, RowOverride override) {
        boolean finished = w.finishedAt() != null && !w.finishedAt().isAfter(asOf);
        boolean debited = w.debitedAt() != null && !w.debitedAt().isAfter(asOf);
        String transStatus = finished ? w.transStatus() : "P";
        String acctStatus = finished ? w.acctStatus() : debited ? "S" : "P";
        Amount cash = w.cashAmt();
        Amount fee = w.feeAmt();
        if (override != null) {
            cash = override.cashAmt() != null ? override.cashAmt() : cash;
            fee = override.feeAmt() != null ? override.feeAmt() : fee;
            transStatus = override.transStatus() != null ? override.transStatus() : transStatus;
        }
        return new StatementRow(w.huifuId(), w.reqDate(), w.reqSeqId(), w.hfSeqId(), w.acctId(), cash, fee,
                w.intoAcctDateType(), transStatus, acctStatus, w.tokenNo(),
                maskCard(cardNumbers.get(w.tokenNo())), w.acceptedAt(), finished ? w.finishedAt() : null);
    }

    /** First 6 and last 4 digits, as bank statements print a card: {@code 622202******2233}. */
    static String maskCard(String cardNo) {
        if (cardNo == null) {
            return null;
        }
        if (cardNo.length() <= 10) {
            return "*".repeat(cardNo.length());
        }
        return cardNo.substring(0, 6) + "*".repeat(cardNo.length() - 10) + cardNo.substring(cardNo.length() - 4);
    }
}
