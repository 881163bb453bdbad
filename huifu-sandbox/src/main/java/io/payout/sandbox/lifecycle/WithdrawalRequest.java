package io.payout.sandbox.lifecycle;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;

/** A validated encashment request, as the lifecycle needs it. {@code notifyUrl} may be null (no notices). */
public record WithdrawalRequest(SerialKey key, String acctId, String tokenNo, IntoAcctDateType type, Amount cash,
                                String notifyUrl) {

    public WithdrawalRequest withAcctId(String resolvedAcctId) {
        return new WithdrawalRequest(key, resolvedAcctId, tokenNo, type, cash, notifyUrl);
    }
}
